package cn.qhzgh.study.content;

import java.time.Instant;

/** Fired inside the transaction of an import that was not a dry run, after its modules and default quizzes exist. */
public record NoticeImported(long noticeId, String docNumber, String title, String actor, Instant at) {
}
