package cn.qhzgh.study.testsupport;

import cn.qhzgh.study.testsupport.ContractOperations.Operation;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One request of a robustness test: a valid request for an operation with one part replaced by a hostile value.
 * Sent with request validation off (it breaks the contract on purpose) and the response still checked.
 */
public final class HostileExchange {

    public static final String FORM = "application/x-www-form-urlencoded";

    /** Stands for a fresh Idempotency-Key on every send, so a replayed key never hides what a body does. */
    public static final String FRESH_KEY = "<fresh idempotency key>";

    /**
     * RestAssured's reused client leaked pooled connections on these exchanges and hung the suite, so each case opens
     * its own localhost connection; bodies are sent as the bytes given, never re-encoded.
     */
    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false))
            // An answer that never comes fails its case instead of hanging the build.
            .httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 60_000));

    final Operation operation;
    final String token;
    final Map<String, String> path = new LinkedHashMap<>();
    final Map<String, String> query = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    String contentType;
    byte[] body;
    boolean multipart;
    String fileName;
    byte[] file;

    public HostileExchange(Operation operation, String token) {
        this.operation = operation;
        this.token = token;
    }

    public HostileExchange copy() {
        HostileExchange copy = new HostileExchange(operation, token);
        copy.path.putAll(path);
        copy.query.putAll(query);
        copy.headers.putAll(headers);
        copy.contentType = contentType;
        copy.body = body;
        copy.multipart = multipart;
        copy.fileName = fileName;
        copy.file = file;
        return copy;
    }

    public byte[] body() {
        return body;
    }

    public HostileExchange path(String name, String value) {
        path.put(name, value);
        return this;
    }

    public HostileExchange query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public HostileExchange header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public HostileExchange parameter(String in, String name, String value) {
        return switch (in) {
            case "path" -> path(name, value);
            case "query" -> query(name, value);
            case "header" -> header(name, value);
            default -> throw new IllegalArgumentException("parameter in " + in);
        };
    }

    /** A raw body; {@code null} content type sends none, {@code null} body sends no body at all. */
    public HostileExchange body(String contentType, byte[] body) {
        this.multipart = false;
        this.contentType = contentType;
        this.body = body;
        return this;
    }

    /** A multipart upload; a {@code null} file sends the form without its file part. */
    public HostileExchange upload(String fileName, byte[] file) {
        this.multipart = true;
        this.contentType = null;
        this.body = null;
        this.fileName = fileName;
        this.file = file;
        return this;
    }

    public Response send() {
        RequestSpecification spec = RestAssured.given().config(CONFIG)
                .filter(ContractValidation.requestDeliberatelyBreaksContract(
                        "robustness test: one parameter, field or body is hostile on purpose"))

                .header("Authorization", "Bearer " + token)
                .pathParams(path);
        headers.forEach((name, value) -> spec.header(name, FRESH_KEY.equals(value) ? UUID.randomUUID().toString() : value));
        query.forEach(spec::queryParam);
        if (multipart) {
            if (file == null) {
                spec.multiPart("note", "no file part");
            } else {
                spec.multiPart("file", fileName, file, "application/octet-stream");
            }
        } else {
            if (contentType != null) {
                spec.contentType(contentType);
            }
            if (body != null && FORM.equals(contentType)) {
                spec.body(new String(body, StandardCharsets.UTF_8));
            } else if (body != null) {
                spec.body(body);
            }
        }
        return spec.request(operation.method(), operation.path());
    }
}
