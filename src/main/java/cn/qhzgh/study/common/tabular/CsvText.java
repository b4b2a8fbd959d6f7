package cn.qhzgh.study.common.tabular;

import cn.qhzgh.study.common.TextEncodings;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded CSV in the charset {@link CsvCharsets} detected. Decodes bytes itself, rather than via
 * InputStreamReader, so that an invalid byte is reported only after every character before it was read: the CSV
 * parser is then inside the row that holds it. It also stops a row that grows past what any row within the limits
 * can hold, so a missing closing quote cannot fill the memory.
 */
final class CsvText extends Reader {

    /** Characters the CSV parser may have read ahead, beyond the row it is in (its buffer). */
    private static final int PARSER_READ_AHEAD = 8 * 1024;

    /** The text cannot be decoded at this point: the parser's current row holds the bad byte. */
    static final class UndecodableException extends RuntimeException {
        UndecodableException(String message) {
            super(message, null, false, false);
        }
    }

    /** The parser's current row has more characters than its cells may hold. */
    static final class RowTooLongException extends RuntimeException {
        RowTooLongException(String message) {
            super(message, null, false, false);
        }
    }

    private final InputStream in;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final byte[] byteArray = new byte[16 * 1024];
    private final ByteBuffer bytes = ByteBuffer.wrap(byteArray).limit(0);
    private final CharBuffer chars = CharBuffer.allocate(16 * 1024).limit(0);
    private final long rowBudget;
    private final TabularLimits limits;
    private long charsSinceRowStart;
    private boolean endOfBytes;
    private boolean decodedAll;

    CsvText(InputStream in, Charset charset, TabularLimits limits) {
        this.in = in;
        this.charset = charset;
        this.decoder = TextEncodings.strictDecoder(charset);
        this.limits = limits;
        // a cell of only doubled quotes takes two characters each, plus its own quotes and a separator
        this.rowBudget = (long) limits.maxCellsPerRow() * (2L * limits.maxCellChars() + 3) + PARSER_READ_AHEAD;
    }

    /** The parser has finished a row; the next characters belong to the next one. */
    void rowEnded() {
        charsSinceRowStart = 0;
    }

    @Override
    public int read(char[] target, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!chars.hasRemaining() && !decodeMore()) {
            return -1;
        }
        int served = Math.min(length, chars.remaining());
        chars.get(target, offset, served);
        charsSinceRowStart += served;
        if (charsSinceRowStart > rowBudget) {
            throw new RowTooLongException("is longer than a row of " + limits.maxCellsPerRow() + " cells of at most "
                    + limits.maxCellChars() + " characters can be; is a closing \" missing?");
        }
        return served;
    }

    private boolean decodeMore() {
        chars.clear();
        try {
            while (chars.position() == 0 && !decodedAll) {
                CoderResult result = decoder.decode(bytes, chars, endOfBytes);
                if (result.isError()) {
                    if (chars.position() > 0) {
                        break; // hand out the valid text first so the error is reported at its own row
                    }
                    String expected = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : "UTF-8 or GBK";
                    throw new UndecodableException(
                            "contains bytes that are not valid " + expected + " text; save the file as \"CSV UTF-8\"");
                }
                if (result.isUnderflow()) {
                    if (endOfBytes) {
                        decodedAll = true;
                    } else {
                        readMoreBytes();
                    }
                }
            }
        } finally {
            chars.flip();
        }
        return chars.hasRemaining();
    }

    private void readMoreBytes() {
        bytes.compact();
        try {
            int read = in.read(byteArray, bytes.position(), bytes.remaining());
            if (read < 0) {
                endOfBytes = true;
            } else {
                bytes.position(bytes.position() + read);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            bytes.flip();
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
