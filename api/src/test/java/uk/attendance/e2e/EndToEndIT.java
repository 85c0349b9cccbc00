package uk.attendance.e2e;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.attendance.contract.client.api.AttendanceClient;
import uk.attendance.contract.client.api.AuthClient;
import uk.attendance.contract.client.api.MeClient;
import uk.attendance.contract.client.api.PupilsClient;
import uk.attendance.contract.client.api.RegisterClient;
import uk.attendance.contract.client.api.SchoolsClient;
import uk.attendance.contract.client.model.Child;
import uk.attendance.contract.client.model.Mark;
import uk.attendance.contract.client.model.MarkAmendment;
import uk.attendance.contract.client.model.MarkHistory;
import uk.attendance.contract.client.model.Me;
import uk.attendance.contract.client.model.MeKind;
import uk.attendance.contract.client.model.ParentCodeRequest;
import uk.attendance.contract.client.model.ParentCodeVerification;
import uk.attendance.contract.client.model.Session;
import uk.attendance.contract.client.model.StaffLoginRequest;
import uk.attendance.contract.client.model.TokenPair;
import uk.attendance.notify.text.FakeTwilio;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Boots the packaged application as a user would ({@code java -jar}, embedded MariaDB, demo trust), with texts going
 * through the real Twilio SDK to a fake Twilio, then signs in as a demo staff member and a demo parent and uses the
 * API through clients generated from openapi.yaml.
 */
class EndToEndIT {
    private static final String TODAY = "2025-11-20";
    private static FakeTwilio twilio;
    private static PackagedApp app;
    private static ApplicationContext clients;

    @BeforeAll
    static void boot() throws Exception {
        twilio = FakeTwilio.start();
        byte[] secret = new byte[48];
        new SecureRandom().nextBytes(secret);
        app = PackagedApp.start(Map.of(
                "JWT_SECRET", Base64.getEncoder().encodeToString(secret),
                "ATTENDANCE_CLOCK_FIXED", TODAY + "T10:15:00Z",
                "DEMO_DATA", "true",
                "TWILIO_ACCOUNT_SID", FakeTwilio.ACCOUNT_SID,
                "TWILIO_AUTH_TOKEN", FakeTwilio.AUTH_TOKEN,
                "TWILIO_FROM_NUMBER", FakeTwilio.FROM_NUMBER,
                "TWILIO_API_BASE_URL", twilio.baseUrl()), Duration.ofMinutes(5));
        // The clients' own context needs no database: keep it from starting the embedded one or connecting.
        System.setProperty("datasources.default.url", "jdbc:mysql://127.0.0.1:9/unused");
        clients = ApplicationContext.builder()
                .environments("e2e")
                .properties(Map.of(
                        "openapi-micronaut-client.base-path", app.baseUrl(),
                        "flyway.datasources.default.enabled", false,
                        "datasources.default.initialization-fail-timeout", -1,
                        "attendance.demo.enabled", false))
                .start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (clients != null) {
            clients.close();
        }
        if (app != null) {
            app.close();
        }
        if (twilio != null) {
            twilio.close();
        }
    }

    @Test
    void aDemoStaffMemberAndADemoParentUseTheApi() throws Exception {
        AuthClient auth = clients.getBean(AuthClient.class);
        MeClient me = clients.getBean(MeClient.class);
        RegisterClient register = clients.getBean(RegisterClient.class);
        PupilsClient pupils = clients.getBean(PupilsClient.class);

        // The demo parent with children in both schools, as printed in the start-up banner.
        String mobile = demoParentWithChildrenInBothSchools(app.log());
        assertEquals(202, auth.requestParentCode(new ParentCodeRequest(mobile)).code());
        // the outbox sends the code moments after the answer
        TwoInstancesMorningIT.await(java.time.Duration.ofSeconds(30), "the sign-in text", () -> !twilio.textsTo(mobile).isEmpty());
        List<FakeTwilio.Received> texts = twilio.textsTo(mobile);
        assertEquals(1, texts.size(), "one sign-in text through the Twilio SDK");
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(texts.get(0).body());
        assertTrue(code.find(), texts.get(0).body());
        TokenPair parentTokens = auth.verifyParentCode(new ParentCodeVerification(mobile, code.group(1))).body();

        BearerTokenFilter.use(parentTokens.getAccessToken());
        Me parent = me.getMe().body();
        assertEquals(MeKind.PARENT, parent.getKind());
        assertTrue(parent.getChildren().stream().map(Child::getSchoolId).distinct().count() >= 2,
                "children in both schools: " + parent.getChildren());
        Child child = parent.getChildren().stream().filter(c -> c.getSchoolName().startsWith("Oakfield")).findFirst().orElseThrow();
        assertEquals(child.getId(), pupils.getPupil(child.getId()).body().getId());
        List<Mark> marks = register.listPupilMarks(child.getId(), LocalDate.parse("2025-09-01"), LocalDate.parse(TODAY)).body();
        assertFalse(marks.isEmpty(), "the demo registers so far");
        assertTrue(marks.stream().allMatch(m -> m.getCategory() != null && m.getMeaning() != null));
        AttendanceClient attendance = clients.getBean(AttendanceClient.class);
        var summary = attendance.getAttendanceSummary(child.getId(), null, null).body();
        assertTrue(summary.getSessions().getPossible() > 0, "this academic year to date");
        assertTrue(summary.getSchool().getPossibleSessions() > summary.getSessions().getPossible());
        var penalty = attendance.getPenaltyNoticeStatus(child.getId(), null).body();
        assertTrue(penalty.getExplanation().contains("£160"));

        // Staff: the Oakfield attendance officer records a phone call as an amendment with a reason.
        TokenPair staffTokens = auth.staffLogin(new StaffLoginRequest("attendance@oakfield.example.org", demoPassword(app.log()))).body();
        BearerTokenFilter.use(staffTokens.getAccessToken());
        Me officer = me.getMe().body();
        assertEquals(MeKind.STAFF, officer.getKind());
        assertEquals(1, officer.getSchools().size());
        assertEquals(1, clients.getBean(SchoolsClient.class).listSchools().body().size());
        LocalDate yesterday = LocalDate.parse(TODAY).minusDays(1);
        Mark amended = register.amendMark(child.getId(), yesterday, Session.PM,
                new MarkAmendment("I", "Parent phoned: temperature at lunchtime")).body();
        assertEquals("I", amended.getCode());
        MarkHistory history = register.getMarkHistory(child.getId(), yesterday, Session.PM).body();
        assertEquals("Parent phoned: temperature at lunchtime", history.getAmendments().get(history.getAmendments().size() - 1).getReason());

        // The parent sees the new code; another family's child stays invisible to them.
        BearerTokenFilter.use(parentTokens.getAccessToken());
        assertEquals("I", register.getMark(child.getId(), yesterday, Session.PM).body().getCode());
        // (a declarative client hands a 404 back as the response rather than throwing)
        assertEquals(404, pupils.getPupil(otherFamilysChild(parent)).code());
        var staffOnly = assertThrows(HttpClientResponseException.class,
                () -> register.getMarkHistory(child.getId(), yesterday, Session.PM));
        assertEquals(403, staffOnly.getStatus().getCode());
        BearerTokenFilter.use(null);
    }

    private static long otherFamilysChild(Me parent) {
        List<Long> mine = parent.getChildren().stream().map(Child::getId).toList();
        long id = 1;
        while (mine.contains(id)) {
            id++;
        }
        return id;
    }

    private static String demoParentWithChildrenInBothSchools(String log) {
        Matcher m = Pattern.compile("(\\+447700900\\d{3})\\s+.*both schools").matcher(log);
        assertTrue(m.find(), "the banner names a parent with children in both schools");
        return m.group(1);
    }

    private static String demoPassword(String log) {
        Matcher m = Pattern.compile("staff sign in with password (\\S+)").matcher(log);
        assertTrue(m.find(), "the banner gives the demo password");
        return m.group(1);
    }
}
