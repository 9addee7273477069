package org.roundtable.testsupport.hostile;

import java.util.List;

/**
 * One generated request against an operation of a service's OpenAPI document.
 *
 * @param operation the documented operation, such as {@code POST /api/proposals/{id}/revisions}
 * @param body      the JSON text sent (it may be deliberately malformed), or {@code null}
 * @param headers   header names and values, in pairs
 */
public record HostileRequest(String operation, String method, String path, String token, String body, List<String> headers) {

    @Override
    public String toString() {
        String shown = body == null ? "" : body.length() > 400 ? body.substring(0, 400) + "…(" + body.length() + " chars)" : body;
        return method + " " + (path.length() > 200 ? path.substring(0, 200) + "…" : path) + " " + shown + " " + headers;
    }
}
