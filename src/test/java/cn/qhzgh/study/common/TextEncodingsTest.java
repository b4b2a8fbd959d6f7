package cn.qhzgh.study.common;

import org.junit.jupiter.api.Test;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextEncodingsTest {

    private static final String TEXT = "青总发〔2022〕24号 “两个确立” 𠀀";

    @Test
    void utf8WithOrWithoutBomAndGb18030DecodeToTheSameText() throws CharacterCodingException {
        byte[] utf8 = TEXT.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[utf8.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, withBom, 3, utf8.length);

        assertThat(TextEncodings.decode(utf8)).isEqualTo(TEXT);
        assertThat(TextEncodings.decode(withBom)).isEqualTo(TEXT);
        assertThat(TextEncodings.decode(TEXT.getBytes(TextEncodings.GB18030))).isEqualTo(TEXT);
    }

    @Test
    void bytesValidInNeitherEncodingAreRefused() {
        assertThatThrownBy(() -> TextEncodings.decode(new byte[] {'a', (byte) 0xFF, (byte) 0x80}))
                .isInstanceOf(CharacterCodingException.class);
    }
}
