package uk.attendance.rules.followup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallPriorityTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            social worker                        | SAFEGUARDING | true  | false | false | false
            child protection plan                | SAFEGUARDING | false | true  | false | false
            looked after                         | SAFEGUARDING | false | false | true  | false
            looked after with an EHC plan        | SAFEGUARDING | false | false | true  | true
            SEN support or EHC plan              | SEND         | false | false | false | true
            none of these                        | OTHER        | false | false | false | false
            """)
    void group(String scenario, CallPriority.Group expected, boolean socialWorker, boolean childProtection,
               boolean lookedAfter, boolean send) {
        assertEquals(expected, new CallPriority(socialWorker, childProtection, lookedAfter, send, 1).group());
    }

    /** Each line: pupils as name:flags:days (flags: w social worker, c child protection, l looked after, s SEND, - none). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            safeguarding before SEND before the rest       | a:-:1 b:s:1 c:w:1                 | c b a
            each safeguarding flag ranks the same           | a:l:2 b:c:3 c:w:1                 | b a c
            SEND before a longer run without SEND           | a:-:9 b:s:1                       | b a
            a safeguarding pupil absent 1 day before SEND 5 | a:s:5 b:c:1                       | b a
            within a group the longest run first            | a:-:1 b:-:4 c:-:2                 | b c a
            within SEND the longest run first               | a:s:2 b:s:7 c:-:10                | b a c
            equal priority keeps the given order            | a:-:2 b:-:2 c:-:2                 | a b c
            """)
    void order(String scenario, String pupils, String expected) {
        Map<String, CallPriority> byName = new java.util.LinkedHashMap<>();
        for (String p : pupils.trim().split("\\s+")) {
            String[] parts = p.split(":");
            String flags = parts[1];
            byName.put(parts[0], new CallPriority(flags.contains("w"), flags.contains("c"), flags.contains("l"),
                    flags.contains("s"), Integer.parseInt(parts[2])));
        }
        List<String> names = new ArrayList<>(byName.keySet());
        names.sort((x, y) -> CallPriority.FIRST_CALLED_FIRST.compare(byName.get(x), byName.get(y)));
        assertEquals(Arrays.asList(expected.trim().split("\\s+")), names);
    }

    @Test
    void aNegativeRunIsRejected() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CallPriority(false, false, false, false, -1));
    }
}
