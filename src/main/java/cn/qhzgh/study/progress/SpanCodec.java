package cn.qhzgh.study.progress;

import cn.qhzgh.study.progress.ReadingCredit.Span;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A worker's credited spans as one small value (credited_reading.spans), so a batch reads and writes one row
 * however many spans it adds. Each span, in order, is two unsigned LEB128 varints: its gap after the previous
 * span's end (the first: its start) and its length. A span a day takes about five bytes.
 */
public final class SpanCodec {

    private SpanCodec() {
    }

    /** Encodes disjoint spans in ascending order. */
    public static byte[] encode(List<Span> spans) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(spans.size() * 5);
        long previousEnd = 0;
        for (Span span : spans) {
            if (span.start() < previousEnd || span.end() <= span.start()) {
                throw new IllegalArgumentException("spans must be non-empty, disjoint and in order: " + span);
            }
            writeVarint(out, span.start() - previousEnd);
            writeVarint(out, span.length());
            previousEnd = span.end();
        }
        return out.toByteArray();
    }

    /** Decodes what {@link #encode} wrote; null or empty is no spans. */
    public static List<Span> decode(byte[] bytes) {
        List<Span> spans = new ArrayList<>();
        if (bytes == null) {
            return spans;
        }
        int[] at = {0};
        long previousEnd = 0;
        while (at[0] < bytes.length) {
            long start = previousEnd + readVarint(bytes, at);
            long end = start + readVarint(bytes, at);
            spans.add(new Span(start, end));
            previousEnd = end;
        }
        return spans;
    }

    private static void writeVarint(ByteArrayOutputStream out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }

    private static long readVarint(byte[] bytes, int[] at) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at[0] >= bytes.length) {
                throw new IllegalArgumentException("credited spans end inside a number");
            }
            byte b = bytes[at[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("credited spans hold a number longer than 64 bits");
    }
}
