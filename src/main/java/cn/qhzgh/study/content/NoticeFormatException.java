package cn.qhzgh.study.content;

import java.util.List;

/** The markdown is not recognisable as a notice; {@link #problems()} lists why, in words an admin understands. */
public class NoticeFormatException extends RuntimeException {

    private final List<String> problems;

    public NoticeFormatException(List<String> problems) {
        super("无法识别的通知格式：" + String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
