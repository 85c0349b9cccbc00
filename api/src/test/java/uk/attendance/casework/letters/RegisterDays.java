package uk.attendance.casework.letters;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import uk.attendance.auth.MutableClock;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The letters tests' school days: registers taken over HTTP session by session, the clock at 15:00 in London. */
final class RegisterDays {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private RegisterDays() {
    }

    /**
     * One code per session from {@code from} on (AM, PM, next weekday…), registration group 4B, taken by {@code officer};
     * a present mark in the afternoon is written {@code \}.
     */
    static void take(HttpClient http, MutableClock clock, long schoolId, long pupilId, String officer, LocalDate from,
                     List<String> codes) {
        LocalDate day = from;
        for (int i = 0; i < codes.size(); i++) {
            while (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(1);
            }
            String session = i % 2 == 0 ? "AM" : "PM";
            at(clock, day.toString());
            String code = codes.get(i);
            if (session.equals("PM") && code.equals("/")) {
                code = "\\";
            }
            http.toBlocking().exchange(HttpRequest.POST("/schools/" + schoolId + "/registers", Map.of(
                    "date", day.toString(), "session", session, "registrationGroup", "4B",
                    "marks", List.of(Map.of("pupilId", pupilId, "code", code)))).bearerAuth(officer));
            if (session.equals("PM")) {
                day = day.plusDays(1);
            }
        }
    }

    /** 15:00 in London on the day. */
    static void at(MutableClock clock, String date) {
        Instant target = LocalDate.parse(date).atTime(15, 0).atZone(LONDON).toInstant();
        clock.advance(Duration.between(clock.instant(), target));
    }

    static MutableHttpRequest<?> get(String uri, String token) {
        return HttpRequest.GET(uri).bearerAuth(token);
    }

    /** The request fails with this status, as problem+json. */
    static void assertStatus(HttpClient http, int status, MutableHttpRequest<?> request, String why) {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
                () -> http.toBlocking().exchange(request, String.class), why);
        assertEquals(status, e.getStatus().getCode(), why + ": " + e.getResponse().getBody(String.class).orElse(""));
        assertEquals("application/problem+json", e.getResponse().getContentType().map(Object::toString).orElse(""), why);
    }
}
