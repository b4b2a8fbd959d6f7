package cn.qhzgh.study.org;

/** A worker as admins see them; the phone is always masked. */
public record WorkerView(String externalId, String name, String orgCode, String orgName, String phone,
                         Worker.Source source) {
}
