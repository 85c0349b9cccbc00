package uk.attendance.casework.letters;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.annotation.MockBean;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.attendance.auth.MutableClock;
import uk.attendance.caller.Roles;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Must show 1: a pupil walked through the autumn term of the fixtures' calendar (school from Wednesday 3 September,
 * half-term 27-31 October, to Friday 19 December), the register written through the HTTP register API each school
 * day with the clock on that day, and the daily job run after each day's registers (twice, to show a second run
 * proposes nothing). Present every session at first, one afternoon off ill, then 97 %; then afternoons missed
 * (unauthorised), then whole days, down to 48 %. After half-term the attendance officer corrects the register (the
 * "absences" were days at the trust's alternative provision, whose registers arrived late: code B), which puts the
 * pupil back above 96 % for the rest of the term - past the end of the re-send period of the last letter, so nothing
 * but the recovery can keep new letters away.
 * <p>
 * The days each letter is expected are computed here, from the marks this test writes, independently of the app: the
 * first day attended / possible is below 96 %, 90 %, 50 % with at least 10 possible sessions.
 */
@MicronautTest(transactional = false)
class GraduatedResponseWalkTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2025-09-03T15:00:00Z"));
    private static final Set<String> ATTENDED = Set.of("/", "\\", "B");

    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    LetterProposals job;

    @MockBean(Clock.class)
    Clock clock() {
        return CLOCK;
    }

    /** What the test wrote: the current code of each session. */
    private final Map<String, String> marks = new LinkedHashMap<>();

    @Test
    void lettersOneTwoAndThreeAreProposedOnTheDaysThePupilFallsBelow96And90And50OnceEachAndNoneAfterRecovery() {
        at(LocalDate.parse("2025-09-03"));
        TrustRecord trust = fixtures.trust();
        SchoolRecord school = fixtures.school(trust);
        PupilRecord pupil = fixtures.pupil(school, "4B");
        fixtures.parentOf(trust, pupil);
        String officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));

        List<LocalDate> days = schoolDays(LocalDate.parse("2025-09-03"), LocalDate.parse("2025-12-19"));
        assertEquals(73, days.size());
        Map<String, LocalDate> expected = new LinkedHashMap<>();
        Map<LocalDate, Integer> proposedByDay = new LinkedHashMap<>();
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            int n = i + 1;
            at(day);
            if (day.equals(LocalDate.parse("2025-11-03"))) {
                correctTheRegister(officer, pupil);
            }
            // 1-15 present; 16 off ill in the afternoon; 17 present (97.1 %); 18-21 afternoons missed; 22-38 whole days
            // missed (48.7 % on 24 October); from 3 November present again
            String am = n >= 22 && n <= 38 ? "O" : "/";
            String pm = n == 16 ? "I" : n >= 18 && n <= 38 ? "O" : "\\";
            mark(officer, school, pupil, day, "AM", am);
            mark(officer, school, pupil, day, "PM", pm);

            int possible = marks.size();
            long attended = marks.values().stream().filter(ATTENDED::contains).count();
            if (possible >= 10) {
                expectFirst(expected, "LETTER_1", day, attended * 100 < 96L * possible);
                expectFirst(expected, "LETTER_2", day, attended * 100 < 90L * possible);
                expectFirst(expected, "LETTER_3", day, attended * 100 < 50L * possible);
            }
            CLOCK.advance(Duration.ofHours(1));
            int proposed = job.propose(school);
            assertEquals(0, job.propose(school), "a second run on " + day + " proposes nothing new");
            if (proposed > 0) {
                proposedByDay.put(day, proposed);
            }
        }

        // worked out by hand as well: 34/36 = 94.4 % on 26 Sep; 36/40 = 90.0 % on 30 Sep is not below 90, 37/42 = 88.1 %
        // on 1 Oct is; 37/74 = 50.0 % on 23 Oct is not below 50, 37/76 = 48.7 % on 24 Oct is
        assertEquals(Map.of("LETTER_1", LocalDate.parse("2025-09-26"), "LETTER_2", LocalDate.parse("2025-10-01"),
                "LETTER_3", LocalDate.parse("2025-10-24")), expected);

        List<Map<String, Object>> letters = http.toBlocking().retrieve(HttpRequest.GET("/pupils/" + pupil.id() + "/letters")
                .bearerAuth(officer), Json.LIST);
        Map<String, LocalDate> proposed = new LinkedHashMap<>();
        for (Map<String, Object> letter : letters) {
            assertEquals(null, proposed.put(String.valueOf(letter.get("stage")), LocalDate.parse(String.valueOf(letter.get("proposedOn")))),
                    "each stage once: " + letters);
        }
        assertEquals(expected, proposed, "letters 1, 2 and 3, each on the first day below its threshold, and nothing else");
        assertEquals(Map.of(LocalDate.parse("2025-09-26"), 1, LocalDate.parse("2025-10-01"), 1, LocalDate.parse("2025-10-24"), 1),
                proposedByDay, "nothing proposed after the recovery on 3 November, though letter 3's period ended on 5 December");

        Map<String, Object> letter3 = letters.stream().filter(l -> "LETTER_3".equals(l.get("stage"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked") Map<String, Object> figures = (Map<String, Object>) letter3.get("figures");
        assertEquals(48.7, ((Number) figures.get("attendancePercent")).doubleValue());
        assertEquals(76, figures.get("sessionsPossible"));
        assertEquals(39, figures.get("sessionsMissed"));
        assertEquals(97.5, ((Number) figures.get("learningHoursLost")).doubleValue());
        assertEquals("2025-10-24", figures.get("asOf"));
        assertEquals("PROPOSED", letter3.get("status"));
        String body = String.valueOf(letter3.get("body"));
        assertTrue(body.contains("has dropped to 48.7%") && body.contains("a total of 39 sessions"), body);
        assertTrue(String.valueOf(figures.get("penaltyStatus")).contains("10 sessions"), String.valueOf(figures.get("penaltyStatus")));
    }

    /** Day 16's illness stays; every O becomes B (the alternative provision's registers arrived late). */
    private void correctTheRegister(String officer, PupilRecord pupil) {
        for (Map.Entry<String, String> mark : new ArrayList<>(marks.entrySet())) {
            if ("O".equals(mark.getValue())) {
                String[] dateAndSession = mark.getKey().split(" ");
                http.toBlocking().exchange(HttpRequest.PUT("/pupils/" + pupil.id() + "/marks/" + dateAndSession[0] + "/"
                        + dateAndSession[1], Map.of("code", "B", "reason",
                        "Register corrected: at the trust's alternative provision (its registers arrived late)")).bearerAuth(officer));
                mark.setValue("B");
            }
        }
    }

    private void mark(String officer, SchoolRecord school, PupilRecord pupil, LocalDate day, String session, String code) {
        http.toBlocking().exchange(HttpRequest.POST("/schools/" + school.id() + "/registers", Map.of(
                "date", day.toString(), "session", session, "registrationGroup", "4B",
                "marks", List.of(Map.of("pupilId", pupil.id(), "code", code)))).bearerAuth(officer));
        marks.put(day + " " + session, code);
    }

    private static void expectFirst(Map<String, LocalDate> expected, String stage, LocalDate day, boolean below) {
        if (below) {
            expected.putIfAbsent(stage, day);
        }
    }

    /** Weekdays of the fixtures' autumn term outside the October half-term. */
    private static List<LocalDate> schoolDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean halfTerm = !d.isBefore(LocalDate.parse("2025-10-27")) && !d.isAfter(LocalDate.parse("2025-10-31"));
            if (!weekend && !halfTerm) {
                days.add(d);
            }
        }
        return days;
    }

    /** 15:00 in London on the day, after the afternoon register. */
    private static void at(LocalDate day) {
        Instant target = day.atTime(15, 0).atZone(LONDON).toInstant();
        CLOCK.advance(Duration.between(CLOCK.instant(), target));
    }
}
