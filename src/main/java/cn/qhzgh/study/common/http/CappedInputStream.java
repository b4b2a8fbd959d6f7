package cn.qhzgh.study.common.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts a request body as it is read and fails the read that passes the cap, whatever the transfer encoding; knows
 * whether the body was read to its end, or refused at its cap.
 */
final class CappedInputStream extends FilterInputStream {

    private final BodyKind kind;
    private final long cap;
    private volatile long count;
    private volatile boolean exhausted;
    private volatile boolean overflowed;

    CappedInputStream(InputStream in, BodyKind kind, long cap) {
        super(in);
        this.kind = kind;
        this.cap = cap;
    }

    /** True once a read reached the end of the body. */
    boolean exhausted() {
        return exhausted;
    }

    /** True once a read passed the cap: the rest of the body is refused. */
    boolean overflowed() {
        return overflowed;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        } else {
            exhausted = true;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        } else if (n < 0) {
            exhausted = true;
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
            overflowed = true;
            throw new BodyTooLargeException(kind, cap);
        }
    }
}
