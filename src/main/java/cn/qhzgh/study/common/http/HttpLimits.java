package cn.qhzgh.study.common.http;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** The body cap of every kind of request, counted while the body streams in (see {@link RequestBodyCap}). */
@ConfigMapping(prefix = "study.http")
public interface HttpLimits {

    @WithDefault("1M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxJsonBody();

    @WithDefault("2M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxNoticeBody();

    @WithDefault("10M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxQuestionBankUpload();

    @WithDefault("10M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxOrgUpload();

    @WithDefault("150M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize maxWorkerUpload();

    /** Room for the multipart envelope (boundaries, part headers) around an upload's file. */
    @WithDefault("64K")
    @WithConverter(MemorySizeConverter.class)
    MemorySize multipartEnvelope();

    /** The cap of the content itself: a JSON body, a notice's text or an uploaded file. */
    default long contentCap(BodyKind kind) {
        return switch (kind) {
            case JSON -> maxJsonBody().asLongValue();
            case NOTICE -> maxNoticeBody().asLongValue();
            case QUESTION_BANK -> maxQuestionBankUpload().asLongValue();
            case ORG_TREE -> maxOrgUpload().asLongValue();
            case WORKER_LIST -> maxWorkerUpload().asLongValue();
        };
    }

    /** The cap of the whole request body: the content's cap, plus the envelope when it comes as multipart. */
    default long bodyCap(BodyKind kind, boolean multipart) {
        return contentCap(kind) + (multipart ? multipartEnvelope().asLongValue() : 0);
    }
}
