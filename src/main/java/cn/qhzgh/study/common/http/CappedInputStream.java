package cn.qhzgh.study.common.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts a request body as it is read and fails the read that passes the cap, whatever the transfer encoding. */
final class CappedInputStream extends FilterInputStream {

    private final BodyKind kind;
    private final long cap;
    private long count;

    CappedInputStream(InputStream in, BodyKind kind, long cap) {
        super(in);
        this.kind = kind;
        this.cap = cap;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void counted(long n) throws BodyTooLargeException {
        count += n;
        if (count > cap) {
            throw new BodyTooLargeException(kind, cap);
        }
    }
}
