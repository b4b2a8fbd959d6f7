package cn.qhzgh.study.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Builds an XLSX whose sheet inflates to gigabytes from a few megabytes, in milliseconds: one megabyte of spaces is
 * deflated once, as a block that resets the dictionary, and repeated; a ZIP writer would have to deflate it all.
 */
public final class XlsxBombs {

    private static final int MIB = 1 << 20;
    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
    private static final String OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private XlsxBombs() {
    }

    /**
     * A workbook with the header {@code columns} whose sheet has {@code mebibytes} MiB of blank space after it.
     * {@code declaredSheetSize} is what the ZIP directory claims the sheet inflates to; -1 tells the truth.
     */
    public static byte[] workbook(List<String> columns, int mebibytes, long declaredSheetSize) {
        StringBuilder header = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                + "<worksheet xmlns=\"" + MAIN + "\"><sheetData><row r=\"1\">");
        for (int c = 0; c < columns.size(); c++) {
            header.append("<c r=\"").append((char) ('A' + c)).append("1\" t=\"inlineStr\"><is><t>")
                    .append(columns.get(c)).append("</t></is></c>");
        }
        header.append("</row>");
        byte[] head = header.toString().getBytes(StandardCharsets.UTF_8);
        byte[] tail = "</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8);
        byte[] spaces = new byte[MIB];
        Arrays.fill(spaces, (byte) ' ');

        byte[] blankSegment = deflateSegment(spaces, false);
        ByteArrayOutputStream sheet = new ByteArrayOutputStream();
        sheet.writeBytes(deflateSegment(head, false));
        CRC32 crc = new CRC32();
        crc.update(head);
        for (int i = 0; i < mebibytes; i++) {
            sheet.writeBytes(blankSegment);
            crc.update(spaces);
        }
        sheet.writeBytes(deflateSegment(tail, true));
        crc.update(tail);
        long size = head.length + (long) mebibytes * MIB + tail.length;

        ZipWriter zip = new ZipWriter();
        zip.add("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas"
                + ".openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/"
                + "vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/"
                + "xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-"
                + "officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" "
                + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>");
        zip.add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"" + RELS
                + "\"><Relationship Id=\"rId1\" Type=\"" + OFFICE_RELS + "/officeDocument\" Target=\"xl/workbook.xml\"/>"
                + "</Relationships>");
        zip.add("xl/workbook.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
                + "\" xmlns:r=\"" + OFFICE_RELS + "\"><sheets><sheet name=\"Sheet1\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "</sheets></workbook>");
        zip.add("xl/_rels/workbook.xml.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                + RELS + "\"><Relationship Id=\"rId1\" Type=\"" + OFFICE_RELS + "/worksheet\" "
                + "Target=\"worksheets/sheet1.xml\"/></Relationships>");
        zip.addDeflated("xl/worksheets/sheet1.xml", sheet.toByteArray(), crc.getValue(),
                declaredSheetSize < 0 ? size : declaredSheetSize);
        return zip.finish();
    }

    /** Raw deflate of {@code data}; unless {@code last}, ends with a full flush, so copies of it may follow. */
    private static byte[] deflateSegment(byte[] data, boolean last) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(data);
        if (last) {
            deflater.finish();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int n = deflater.deflate(buffer, 0, buffer.length, last ? Deflater.NO_FLUSH : Deflater.FULL_FLUSH);
            out.write(buffer, 0, n);
            if (last ? deflater.finished() : n < buffer.length && deflater.needsInput()) {
                break;
            }
        }
        deflater.end();
        return out.toByteArray();
    }

    /** The few ZIP records an XLSX reader needs: local headers, the central directory and its end record. */
    private static final class ZipWriter {

        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<byte[]> central = new ArrayList<>();

        void add(String name, String text) {
            byte[] data = text.getBytes(StandardCharsets.UTF_8);
            CRC32 crc = new CRC32();
            crc.update(data);
            byte[] deflated = deflateSegment(data, true);
            addDeflated(name, deflated, crc.getValue(), data.length);
        }

        void addDeflated(String name, byte[] deflated, long crc, long size) {
            byte[] fileName = name.getBytes(StandardCharsets.UTF_8);
            int offset = out.size();
            ByteBuffer local = le(30 + fileName.length).putInt(0x04034b50).putShort((short) 20).putShort((short) 0)
                    .putShort((short) 8).putInt(0).putInt((int) crc).putInt(deflated.length).putInt((int) size)
                    .putShort((short) fileName.length).putShort((short) 0).put(fileName);
            out.writeBytes(local.array());
            out.writeBytes(deflated);
            central.add(le(46 + fileName.length).putInt(0x02014b50).putShort((short) 20).putShort((short) 20)
                    .putShort((short) 0).putShort((short) 8).putInt(0).putInt((int) crc).putInt(deflated.length)
                    .putInt((int) size).putShort((short) fileName.length).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putShort((short) 0).putInt(0).putInt(offset).put(fileName).array());
        }

        byte[] finish() {
            int directoryOffset = out.size();
            central.forEach(out::writeBytes);
            int directorySize = out.size() - directoryOffset;
            out.writeBytes(le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                    .putShort((short) central.size()).putShort((short) central.size()).putInt(directorySize)
                    .putInt(directoryOffset).putShort((short) 0).array());
            return out.toByteArray();
        }

        private static ByteBuffer le(int size) {
            return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        }
    }
}
