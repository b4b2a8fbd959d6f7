package cn.qhzgh.study.org;

/** Phones leave the service only in this form: 138****8000. */
public final class PhoneMask {

    private PhoneMask() {
    }

    public static String mask(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        String digits = phone.strip();
        if (digits.length() <= 4) {
            return "*".repeat(digits.length());
        }
        int keepHead = Math.min(3, digits.length() - 4);
        return digits.substring(0, keepHead) + "*".repeat(digits.length() - keepHead - 4)
                + digits.substring(digits.length() - 4);
    }
}
