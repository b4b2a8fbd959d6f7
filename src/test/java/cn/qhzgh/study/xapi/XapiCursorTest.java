package cn.qhzgh.study.xapi;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class XapiCursorTest {

    private static String cursorOf(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void decodesWhatItEncodes() {
        Instant stored = Instant.parse("2022-11-20T01:30:00.123456Z");
        String cursor = XapiCursor.encode(new XapiSources.Row(stored, 0, "42:0f8fad5b-d9cb-469f-a165-70867728950e", null));

        assertThat(XapiCursor.decode(cursor)).contains(
                new XapiSources.Cursor(stored, 0, "42:0f8fad5b-d9cb-469f-a165-70867728950e"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "99999999999999999:0:0:7",   // an epoch second beyond Instant's range
            "9223372036854775807:0:0:7", // Long.MAX_VALUE seconds
            "253402300800:0:0:7",        // 10000-01-01, after any DATETIME
            "1668907800:1000000000:0:7", // nanos beyond a second
            "1668907800:0:4:7",          // no such kind of record
            "1668907800:0:0:",           // no key
            "1668907800:0:0:7'; DROP",   // a key no record has
            "-1:0:0:7",
            "1668907800:0"})
    void refusesCursorsItCouldNotHaveIssued(String raw) {
        assertThat(XapiCursor.decode(cursorOf(raw))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not base64 at all!", "%%%", "\u0000\u200B"})
    void refusesTextThatIsNotBase64(String cursor) {
        assertThat(XapiCursor.decode(cursor)).isEmpty();
    }

    @Test
    void refusesOverlongCursorsUnread() {
        assertThat(XapiCursor.decode(cursorOf("1668907800:0:0:" + "7".repeat(300)))).isEmpty();
    }
}
