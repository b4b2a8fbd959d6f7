package cn.qhzgh.study.testsupport;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Builds small XLSX uploads the way Excel would save them. */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    public static byte[] xlsx(String[][] rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "study-service-test", "1.0")) {
            Worksheet sheet = workbook.newWorksheet("Sheet1");
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    sheet.value(r, c, rows[r][c]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
