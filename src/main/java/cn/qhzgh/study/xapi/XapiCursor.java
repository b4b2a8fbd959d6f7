package cn.qhzgh.study.xapi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The xAPI export's keyset cursor, {@code base64url("epochSecond:nano:rank:key")}. Decoding accepts only what
 * {@link #encode} can produce, so a corrupted or forged cursor is refused instead of reaching the database.
 */
final class XapiCursor {

    /** Longest cursor this service issues (a 128-character key) with room to spare; longer ones are refused unread. */
    static final int MAX_LENGTH = 256;
    /** Stored times of learning records end here (DATETIME's last second); a later cursor was not issued here. */
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private static final Pattern RAW = Pattern.compile("(\\d{1,12}):(\\d{1,9}):([0-3]):([0-9A-Za-z:-]{1,128})");

    private XapiCursor() {
    }

    static String encode(XapiSources.Row row) {
        String raw = row.stored().getEpochSecond() + ":" + row.stored().getNano() + ":" + row.rank() + ":" + row.key();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The position the cursor names, or empty when it is not one {@link #encode} could have written. */
    static Optional<XapiSources.Cursor> decode(String cursor) {
        if (cursor.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        Matcher parts = RAW.matcher(raw);
        if (!parts.matches()) {
            return Optional.empty();
        }
        Instant stored = Instant.ofEpochSecond(Long.parseLong(parts.group(1)), Long.parseLong(parts.group(2)));
        if (stored.isAfter(LATEST)) {
            return Optional.empty();
        }
        return Optional.of(new XapiSources.Cursor(stored, Integer.parseInt(parts.group(3)), parts.group(4)));
    }
}
