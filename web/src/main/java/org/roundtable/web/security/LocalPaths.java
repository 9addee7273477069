package org.roundtable.web.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where to send someone back to after signing in: only ever a path on this site, never another site. */
public final class LocalPaths {

    private LocalPaths() {
    }

    public static String safe(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.contains("\r")
                || next.contains("\n")) {
            return "/";
        }
        return next;
    }

    /** The page the person was on: this one for a GET, the page the form was on for anything else. */
    public static String whereTheyWere(HttpServletRequest request) {
        if (HttpMethod.GET.matches(request.getMethod())) {
            String query = request.getQueryString();
            return safe(request.getRequestURI() + (query == null ? "" : "?" + query));
        }
        String referer = request.getHeader(HttpHeaders.REFERER);
        if (referer == null) {
            return "/";
        }
        try {
            URI uri = URI.create(referer);
            return safe(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        } catch (IllegalArgumentException unreadable) {
            return "/";
        }
    }

    public static String signInThenBackTo(String path) {
        return "/sign-in?next=" + URLEncoder.encode(safe(path), StandardCharsets.UTF_8);
    }
}
