package cn.qhzgh.study.common.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TabularFormatTest {

    @Test
    void formatFollowsTheFileExtensionInAnyCase() {
        assertThat(TabularFormat.fromFileName("职工名单.CSV")).contains(TabularFormat.CSV);
        assertThat(TabularFormat.fromFileName("org-tree.Xlsx")).contains(TabularFormat.XLSX);
        assertThat(TabularFormat.fromFileName("old.xls")).isEmpty();
        assertThat(TabularFormat.fromFileName("noextension")).isEmpty();
        assertThat(TabularFormat.fromFileName(null)).isEmpty();
    }

    @Test
    void formatIsSniffedFromContentWithoutConsumingIt() {
        byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00};
        ByteArrayInputStream in = new ByteArrayInputStream(zip);

        assertThat(TabularFormat.detect(in)).isEqualTo(TabularFormat.XLSX);
        assertThat(in.available()).isEqualTo(zip.length);
        assertThat(TabularFormat.detect(new ByteArrayInputStream("a,b\n".getBytes(StandardCharsets.UTF_8))))
                .isEqualTo(TabularFormat.CSV);
        assertThat(TabularFormat.detect(new ByteArrayInputStream(new byte[0]))).isEqualTo(TabularFormat.CSV);
    }

    @Test
    void sniffingNeedsAStreamThatCanRewind() {
        InputStream unmarkable = InputStream.nullInputStream();

        assertThatThrownBy(() -> TabularFormat.detect(unmarkable)).isInstanceOf(IllegalArgumentException.class);
    }
}
