package cn.qhzgh.study.common;

import org.jboss.resteasy.reactive.multipart.FileUpload;

import java.util.List;

/** The checks every multipart upload passes first: the part is there, and within the endpoint's size. */
public final class Uploads {

    private Uploads() {
    }

    public static FileUpload require(FileUpload upload, long maxBytes, String what) {
        if (upload == null || upload.uploadedFile() == null) {
            throw DomainException.badRequest("missing-file", "Send the " + what + " as multipart/form-data in field 'file'.",
                    List.of(ProblemError.field("file", "is required")));
        }
        if (upload.size() > maxBytes) {
            throw new DomainException(413, "file-too-large", "Content Too Large", "The " + what + " has "
                    + upload.size() + " bytes; this endpoint accepts at most " + maxBytes + ".");
        }
        return upload;
    }
}
