package org.roundtable.kit.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.roundtable.kit.web.FieldError;
import org.roundtable.kit.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on a POST, as the IETF HTTP API working group's idempotency-key draft describes it: the first
 * request with a key is carried out and its answer kept; a retry with the same key and the same request gets that
 * answer again (marked {@code Idempotency-Replayed: true}) and nothing new is stored; the same key with a different
 * request is refused with 422; a retry while the first is still being carried out gets 409. Keys belong to the caller
 * (the token's subject), so no one is answered with another's replay. A request without the header is carried out as
 * it is. A server failure (5xx) is not kept, so a retry is carried out afresh.
 */
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotency-Replayed";
    public static final int MAX_KEY_LENGTH = 255;
    static final int MAX_BODY = 1024 * 1024;

    private final IdempotentRequests requests;
    private final ProblemResponses problems;

    public IdempotencyFilter(IdempotentRequests requests, ProblemResponses problems) {
        this.requests = requests;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated() || caller instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        Optional<String> key = key(request.getHeader(HEADER));
        if (key.isEmpty()) {
            String message = HEADER + " is 1 to " + MAX_KEY_LENGTH + " printable ASCII characters, such as a UUID";
            problems.write(request, response, HttpStatus.BAD_REQUEST, "Invalid input", HEADER + ": " + message,
                    List.of(new FieldError(HEADER, message)));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Content too large",
                    "a request with an " + HEADER + " carries at most " + MAX_BODY + " bytes");
            return;
        }
        String subject = caller.getName();
        String fingerprint = fingerprint(request, body);
        if (!requests.claim(subject, key.get(), fingerprint)) {
            answerRetry(request, response, requests.find(subject, key.get()).orElse(null), fingerprint);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new ReadAgain(request, body), recorded);
            if (recorded.getStatus() < 500) {
                requests.answer(subject, key.get(), recorded.getStatus(), recorded.getContentType(),
                        recorded.getHeader(HttpHeaders.LOCATION), recorded.getContentAsByteArray());
                kept = true;
            }
        } finally {
            if (!kept) {
                requests.release(subject, key.get());
            }
            recorded.copyBodyToResponse();
        }
    }

    private void answerRetry(HttpServletRequest request, HttpServletResponse response, IdempotentRequests.Stored stored,
                             String fingerprint) throws IOException {
        if (stored == null || !stored.answered()) {
            problems.write(request, response, HttpStatus.CONFLICT, "Request in progress",
                    "a request with this " + HEADER + " is still being carried out; retry once it has been answered");
        } else if (!stored.fingerprint().equals(fingerprint)) {
            problems.write(request, response, HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency key reused",
                    "this " + HEADER + " was used for a different request; use a new key for a new request");
        } else {
            response.setStatus(stored.status());
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            if (stored.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, stored.location());
            }
            response.setHeader(REPLAYED, "true");
            if (stored.body() != null && stored.body().length > 0) {
                response.getOutputStream().write(stored.body());
            }
        }
    }

    /** The key as sent, bare or as a quoted structured-field string. */
    static Optional<String> key(String header) {
        String key = header.strip();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            return Optional.empty();
        }
        return Optional.of(key);
    }

    /** What makes two requests the same: method, address, the role acted in, and the body's bytes. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String part : new String[]{request.getMethod(), request.getRequestURI(), String.valueOf(request.getQueryString()),
                    String.valueOf(request.getHeader("X-Acting-Role"))}) {
                sha256.update(part.getBytes(StandardCharsets.UTF_8));
                sha256.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The request again, its body read from what was already read. */
    private static final class ReadAgain extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadAgain(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                /** The body is already in memory, so a non-blocking reader is told at once that all of it is there. */
                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        if (!isFinished()) {
                            listener.onDataAvailable();
                        }
                        listener.onAllDataRead();
                    } catch (IOException failure) {
                        listener.onError(failure);
                    }
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }
    }
}
