package cn.qhzgh.study.common.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportAdmissionTest {

    private static final long MIB = 1 << 20;

    @Test
    void anImportNeedsTwiceItsCapAboveTheReserve() {
        assertThat(ImportAdmission.tempSpaceSuffices(812 * MIB, 150 * MIB, 512 * MIB)).isTrue();
        assertThat(ImportAdmission.tempSpaceSuffices(812 * MIB - 1, 150 * MIB, 512 * MIB)).isFalse();
    }

    @Test
    void aDiskBelowTheReserveTakesNoImport() {
        assertThat(ImportAdmission.tempSpaceSuffices(100 * MIB, 2 * MIB, 512 * MIB)).isFalse();
    }
}
