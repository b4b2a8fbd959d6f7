package cn.qhzgh.study.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTLvl;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STNumberFormat;

/** Word's automatic numbering, direct bold formatting and tables as the parser reads them. */
class DocxTextTest {

    @Test
    void writesOutTwoLevelsOfAutomaticNumberingRestartingTheLowerLevelAndKeepsTablesAndBold(@TempDir Path directory)
            throws IOException {
        Path file = directory.resolve("numbered.docx");
        try (XWPFDocument document = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            BigInteger list = numbering(document);
            bold(document.createParagraph(), "关于示例工作的通知");
            numbered(document, list, 0, "总体要求");
            numbered(document, list, 1, "指导思想");
            document.createParagraph().createRun().setText("坚持以人民为中心。");
            numbered(document, list, 1, "基本原则");
            numbered(document, list, 0, "主要任务");
            numbered(document, list, 1, "强化支撑");
            XWPFTable table = document.createTable(2, 2);
            table.getRow(0).getCell(0).setText("项目");
            table.getRow(0).getCell(1).setText("时间");
            table.getRow(1).getCell(0).setText("学习");
            table.getRow(1).getCell(1).setText("11月");
            document.write(out);
        }

        assertThat(DocxText.read(file)).isEqualTo("""
                **关于示例工作的通知**

                一、总体要求

                （一）指导思想

                坚持以人民为中心。

                （二）基本原则

                二、主要任务

                （一）强化支撑

                | 项目 | 时间 |
                | 学习 | 11月 |

                """);
        ParsedNotice notice = new NoticeParser().parse(DocxText.read(file));
        assertThat(notice.metadata().title()).isEqualTo("关于示例工作的通知");
        assertThat(notice.modules()).extracting(ParsedModule::code).containsExactly("1", "1.1", "1.2", "2", "2.1");
        assertThat(notice.findModule("2.1").orElseThrow().paragraphs()).containsExactly("（一）强化支撑", "项目 | 时间",
                "学习 | 11月");
    }

    private static void bold(XWPFParagraph paragraph, String text) {
        XWPFRun run = paragraph.createRun();
        run.setBold(true);
        run.setText(text);
    }

    private static void numbered(XWPFDocument document, BigInteger list, int level, String text) {
        XWPFParagraph paragraph = document.createParagraph();
        paragraph.setNumID(list);
        paragraph.setNumILvl(BigInteger.valueOf(level));
        paragraph.createRun().setText(text);
    }

    private static BigInteger numbering(XWPFDocument document) {
        CTAbstractNum abstractNum = CTAbstractNum.Factory.newInstance();
        abstractNum.setAbstractNumId(BigInteger.ONE);
        String[] texts = {"%1、", "（%2）"};
        for (int level = 0; level < texts.length; level++) {
            CTLvl lvl = abstractNum.addNewLvl();
            lvl.setIlvl(BigInteger.valueOf(level));
            lvl.addNewStart().setVal(BigInteger.ONE);
            lvl.addNewNumFmt().setVal(STNumberFormat.CHINESE_COUNTING);
            lvl.addNewLvlText().setVal(texts[level]);
        }
        XWPFNumbering numbering = document.createNumbering();
        return numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(abstractNum, numbering)));
    }
}
