package cn.qhzgh.study.common;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Decodes uploaded text as Chinese offices write it: UTF-8 with or without BOM, or GB18030 (which GBK is part of). */
public final class TextEncodings {

    /** GB18030 decodes every GBK byte sequence identically and covers rarer characters too. */
    public static final Charset GB18030 = Charset.forName("GB18030");
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private TextEncodings() {
    }

    /**
     * The text of {@code content}: UTF-8 after a BOM, else UTF-8 if every byte sequence is valid UTF-8, else GB18030.
     *
     * @throws CharacterCodingException if the bytes are valid in neither encoding (not text, or another encoding)
     */
    public static String decode(byte[] content) throws CharacterCodingException {
        if (content.length >= UTF8_BOM.length && Arrays.equals(content, 0, UTF8_BOM.length, UTF8_BOM, 0, UTF8_BOM.length)) {
            return strict(StandardCharsets.UTF_8, ByteBuffer.wrap(content, UTF8_BOM.length, content.length - UTF8_BOM.length));
        }
        try {
            return strict(StandardCharsets.UTF_8, ByteBuffer.wrap(content));
        } catch (CharacterCodingException notUtf8) {
            return strict(GB18030, ByteBuffer.wrap(content));
        }
    }

    private static String strict(Charset charset, ByteBuffer bytes) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(bytes).toString();
    }
}
