package cn.qhzgh.study.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP/1.1 over a plain socket, for bodies no ordinary client sends: a chunked body streamed from a generator while
 * the answer is read on the side, so a server that answers early (and closes) is seen exactly as a phone would see it.
 */
public final class RawHttp {

    private static final int CHUNK = 64 * 1024;
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

    private RawHttp() {
    }

    /** One answer; {@code closedAfterMillis} is how long after the answer the server closed (-1: it did not). */
    public record Reply(int status, Map<String, String> headers, String body, long bytesSent, long closedAfterMillis) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** The bytes of a body: {@code head}, then {@code fill} repeated to about {@code total} bytes, then {@code tail}. */
    public record Body(byte[] head, byte[] fill, long total, byte[] tail) {

        public static Body of(String head, String fill, long total, String tail) {
            return new Body(head.getBytes(StandardCharsets.UTF_8), fill.getBytes(StandardCharsets.UTF_8), total,
                    tail.getBytes(StandardCharsets.UTF_8));
        }

        void writeChunked(OutputStream out, AtomicLong sent) throws IOException {
            writeChunk(out, head, head.length, sent);
            byte[] filler = new byte[fill.length * Math.max(1, CHUNK / fill.length)];
            for (int at = 0; at < filler.length; at += fill.length) {
                System.arraycopy(fill, 0, filler, at, fill.length);
            }
            long fillBytes = total - head.length - tail.length;
            for (long left = fillBytes; left > 0; left -= filler.length) {
                writeChunk(out, filler, (int) Math.min(filler.length, left), sent);
            }
            writeChunk(out, tail, tail.length, sent);
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }

        private static void writeChunk(OutputStream out, byte[] bytes, int length, AtomicLong sent) throws IOException {
            if (length == 0) {
                return;
            }
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, 0, length);
            out.write(CRLF);
            sent.addAndGet(length);
        }
    }

    /**
     * Sends {@code headers} and then, unless {@code body} is null, the body chunked, on a side thread; reads the answer.
     * {@code headers} holds everything after the request line, e.g. Authorization and Content-Type.
     */
    public static Reply post(URI server, String path, Map<String, String> headers, Body body) throws Exception {
        return exchange(server, path, headers, body == null ? null : "chunked", (out, sent) -> {
            if (body != null) {
                body.writeChunked(out, sent);
            }
        });
    }

    /** Sends {@code content} with its Content-Length, as an ordinary client would, bypassing REST Assured. */
    public static Reply post(URI server, String path, Map<String, String> headers, byte[] content) throws Exception {
        Map<String, String> withLength = new TreeMap<>(headers);
        withLength.put("Content-Length", Integer.toString(content.length));
        return exchange(server, path, withLength, null, (out, sent) -> {
            out.write(content);
            out.flush();
            sent.set(content.length);
        });
    }

    /**
     * Sends each body in turn on one connection, with its Content-Length or chunked, reading each answer before the
     * next request, as a phone reusing its connection does; fails if the server closes the connection early.
     */
    public static List<Reply> postOnOneConnection(URI server, String path, Map<String, String> headers,
                                                  List<byte[]> bodies, boolean chunked) throws Exception {
        return postOnOneConnection(server, path, bodies.stream().map(body -> headers).toList(), bodies, chunked);
    }

    /** As above, with the headers of each request in turn. */
    public static List<Reply> postOnOneConnection(URI server, String path, List<Map<String, String>> headerLists,
                                                  List<byte[]> bodies, boolean chunked) throws Exception {
        List<Reply> replies = new ArrayList<>();
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            for (int i = 0; i < bodies.size(); i++) {
                byte[] content = bodies.get(i);
                Map<String, String> headers = headerLists.get(i);
                StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + server.getHost() + ":"
                        + server.getPort() + "\r\n");
                headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
                head.append(chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + content.length).append("\r\n\r\n");
                out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
                AtomicLong sent = new AtomicLong();
                if (chunked) {
                    Body.writeChunk(out, content, content.length, sent);
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(content);
                }
                out.flush();
                replies.add(readReply(in, content.length));
            }
        }
        return replies;
    }

    /**
     * Sends a GET on a connection the caller keeps open and reads the whole answer, leaving the connection for the
     * next request; empty when the server closed the connection instead of answering.
     */
    public static Optional<Reply> get(Socket socket, String path) throws IOException {
        return get(socket, path, Map.of());
    }

    /** As above with {@code headers}; path and headers go out as UTF-8 bytes, unescaped, as a careless client sends them. */
    public static Optional<Reply> get(Socket socket, String path, Map<String, String> headers) throws IOException {
        socket.setSoTimeout(30_000);
        StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: "
                + socket.getInetAddress().getHostName() + ":" + socket.getPort() + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        try {
            socket.getOutputStream().write(head.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            PushbackInputStream in = new PushbackInputStream(socket.getInputStream());
            int first = in.read();
            if (first < 0) {
                return Optional.empty();
            }
            in.unread(first);
            return Optional.of(readReply(in, 0));
        } catch (SocketException reset) {
            return Optional.empty();
        }
    }

    private static Reply readReply(InputStream in, long bytesSent) throws IOException {
        int status = Integer.parseInt(readLine(in).split(" ")[1]);
        Map<String, String> responseHeaders = new TreeMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            responseHeaders.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        String body = new String(readBody(in, responseHeaders), StandardCharsets.UTF_8);
        return new Reply(status, responseHeaders, body, bytesSent, -1);
    }

    private interface BodyWriter {
        void write(OutputStream out, AtomicLong sent) throws IOException;
    }

    private static Reply exchange(URI server, String path, Map<String, String> headers, String transferEncoding,
                                  BodyWriter bodyWriter) throws Exception {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + server.getHost() + ":"
                    + server.getPort() + "\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (transferEncoding != null) {
                head.append("Transfer-Encoding: ").append(transferEncoding).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                try {
                    bodyWriter.write(out, sent);
                } catch (IOException closedByServer) {
                    // the server answered and closed: what the caller wants to see
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            InputStream in = socket.getInputStream();
            Reply reply = readReply(in, 0);
            long answered = System.nanoTime();
            long closedAfter = awaitClose(socket, in);
            long closedAfterMillis = closedAfter < 0 ? -1 : (closedAfter - answered) / 1_000_000;
            writer.join(10_000);
            return new Reply(reply.status(), reply.headers(), reply.body(), sent.get(), closedAfterMillis);
        }
    }

    /** Waits up to 10 s for the server to close; returns the nano time it did, or -1. */
    private static long awaitClose(Socket socket, InputStream in) throws IOException {
        socket.setSoTimeout(10_000);
        try {
            while (in.read() >= 0) {
                // nothing more is expected; anything read is ignored until the close
            }
        } catch (SocketTimeoutException stillOpen) {
            return -1;
        } catch (IOException reset) {
            // a reset is a close too
        }
        return System.nanoTime();
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(readLine(in).trim(), 16); size > 0;
                 size = Integer.parseInt(readLine(in).trim(), 16)) {
                body.write(in.readNBytes(size));
                readLine(in);
            }
            readLine(in);
            return body.toByteArray();
        }
        String length = headers.get("content-length");
        return length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed inside the response head");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
