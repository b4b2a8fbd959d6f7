package cn.qhzgh.study.common;

import java.util.regex.Pattern;

/**
 * What a worker's external id, a union code and a worker's name may look like, wherever they arrive: in an
 * uploaded file or in a token's claims. One rule for both, so a worker provisioned by a token can also be imported.
 */
public final class DirectoryRules {

    /** Also the width of {@code worker.external_id}. */
    public static final int MAX_EXTERNAL_ID_LENGTH = 64;
    /** Also the width of {@code worker.name}. */
    public static final int MAX_WORKER_NAME_LENGTH = 64;
    public static final String EXTERNAL_ID_RULE = "1-64 letters, digits or _ . : @ -";
    public static final String ORG_CODE_RULE = "1-64 letters, digits, '-', '_' or '.', starting with a letter or digit";

    private static final Pattern EXTERNAL_ID = Pattern.compile("[A-Za-z0-9_.:@-]{1,64}");
    private static final Pattern ORG_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private DirectoryRules() {
    }

    /** ASCII only, so never blank, padded, or carrying control or zero-width characters. */
    public static boolean isExternalId(String value) {
        return EXTERNAL_ID.matcher(value).matches();
    }

    public static boolean isOrgCode(String value) {
        return ORG_CODE.matcher(value).matches();
    }
}
