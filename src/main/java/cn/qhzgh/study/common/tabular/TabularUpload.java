package cn.qhzgh.study.common.tabular;

import cn.qhzgh.study.common.Uploads;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;

/** An uploaded spreadsheet, checked for presence and size, with its format taken from its name or bytes. */
public record TabularUpload(InputStream content, TabularFormat format) {

    public static TabularUpload of(FileUpload upload, long maxBytes) throws IOException {
        Uploads.require(upload, maxBytes, "file");
        InputStream in = new BufferedInputStream(Files.newInputStream(upload.uploadedFile()), 64 * 1024);
        TabularFormat format = TabularFormat.fromFileName(upload.fileName())
                .orElseGet(() -> TabularFormat.detect(in));
        return new TabularUpload(in, format);
    }
}
