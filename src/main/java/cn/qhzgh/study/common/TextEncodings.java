package cn.qhzgh.study.common;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one place that tells how uploaded text is encoded, as Chinese offices write it: UTF-8 with or without BOM, or
 * GB18030 (which GBK is part of). Whole files ({@link #decode}) and streamed CSV ({@link #detect} on a sample) use it.
 */
public final class TextEncodings {

    /** GB18030 decodes every GBK byte sequence identically and covers rarer characters too. */
    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** What the first bytes of a text say: its charset, and how many bytes of BOM to skip before the text. */
    public record Detected(Charset charset, int bomBytes) {
    }

    private TextEncodings() {
    }

    /**
     * UTF-8 after a BOM, else UTF-8 if every byte sequence of {@code head} is valid UTF-8, else GB18030.
     *
     * @param complete whether {@code head} is the whole text; if not, a character cut at its end is not held against it
     */
    public static Detected detect(byte[] head, int length, boolean complete) {
        if (length >= UTF8_BOM.length && Arrays.equals(head, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length)) {
            return new Detected(StandardCharsets.UTF_8, UTF8_BOM.length);
        }
        CharBuffer out = CharBuffer.allocate(length);
        boolean utf8 = !strictDecoder(StandardCharsets.UTF_8).decode(ByteBuffer.wrap(head, 0, length), out, complete)
                .isError();
        return new Detected(utf8 ? StandardCharsets.UTF_8 : GB18030, 0);
    }

    /**
     * The text of {@code content}, encoded as {@link #detect} tells, without its BOM.
     *
     * @throws CharacterCodingException if the bytes are valid in neither encoding (not text, or another encoding)
     */
    public static String decode(byte[] content) throws CharacterCodingException {
        Detected detected = detect(content, content.length, true);
        ByteBuffer text = ByteBuffer.wrap(content, detected.bomBytes(), content.length - detected.bomBytes());
        return strictDecoder(detected.charset()).decode(text).toString();
    }

    /** A decoder that reports, rather than replaces, bytes that are not text in {@code charset}. */
    public static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** Text that was already decoded (a request body, say), without the BOM a Windows editor may have put first. */
    public static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
    }
}
