package org.mercurymq.console;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reading query strings and bodies, writing JSON and bytes. */
final class HttpIo {
    /** A create/update form is small; anything larger is refused. */
    static final int MAX_REQUEST_BODY = 64 * 1024;

    private HttpIo() {
    }

    static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("Malformed query parameter: " + k);
            }
        }
        return out;
    }

    static String required(Map<String, ?> params, String name) {
        Object v = params.get(name);
        if (v == null || String.valueOf(v).trim().isEmpty()) {
            throw ApiException.badRequest("Missing parameter: " + name);
        }
        return String.valueOf(v).trim();
    }

    static int intParam(Map<String, ?> params, String name, int dflt) {
        Object v = params.get(name);
        if (v == null || String.valueOf(v).isEmpty()) {
            return dflt;
        }
        try {
            return Integer.parseInt(String.valueOf(v).trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a number, not " + v);
        }
    }

    static long longParam(Map<String, ?> params, String name) {
        String v = required(params, name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number, not " + v);
        }
    }

    static boolean boolParam(Map<String, ?> params, String name, boolean dflt) {
        Object v = params.get(name);
        if (v == null || String.valueOf(v).isEmpty()) {
            return dflt;
        }
        String t = String.valueOf(v).trim();
        if ("true".equalsIgnoreCase(t) || "false".equalsIgnoreCase(t)) {
            return Boolean.parseBoolean(t);
        }
        throw ApiException.badRequest(name + " must be true or false, not " + v);
    }

    /**
     * The JSON object of a write request. Only {@code Content-Type: application/json} is read: a page on another
     * site can send text/plain or form bodies without asking, but not JSON (that takes a CORS preflight this
     * server never answers).
     */
    static Map<String, Object> jsonBody(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.trim().toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "Send the request body as Content-Type: application/json.");
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_REQUEST_BODY + 1);
            if (bytes.length > MAX_REQUEST_BODY) {
                throw new ApiException(413, "Request body larger than " + MAX_REQUEST_BODY + " bytes.");
            }
            if (bytes.length == 0) {
                throw ApiException.badRequest("Expected a JSON object in the request body.");
            }
            try {
                Map<String, Object> m = JSON.parseObject(new String(bytes, StandardCharsets.UTF_8));
                if (m == null) {
                    throw ApiException.badRequest("Expected a JSON object in the request body.");
                }
                return m;
            } catch (com.alibaba.fastjson2.JSONException e) {
                throw ApiException.badRequest("The request body is not a JSON object.");
            }
        }
    }

    static void sendJson(HttpExchange ex, int status, Object value) throws IOException {
        // browsers parse strict JSON: a Map<Long, ...> key must be written as "0", not 0
        send(ex, status, "application/json; charset=utf-8",
            JSON.toJSONBytes(value, JSONWriter.Feature.WriteNonStringKeyAsString));
    }

    static void send(HttpExchange ex, int status, String contentType, byte[] bytes) throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(ex.getRequestMethod());
        ex.sendResponseHeaders(status, head ? -1 : (bytes.length == 0 ? -1 : bytes.length));
        if (!head && bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }
}
