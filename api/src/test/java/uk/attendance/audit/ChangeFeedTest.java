package uk.attendance.audit;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.TrustRecord;
import uk.attendance.support.Fixtures;
import uk.attendance.support.Json;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A pupil changed by another instance (its row and its audit row written behind this instance's back) is read afresh
 * here once the change feed has read the audit table, though the pupil was kept in memory. The feed's own schedule is
 * off, so the test decides when it reads.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.changes.poll-interval", value = "1h")
@Property(name = "attendance.outbox.poller", value = "false")
class ChangeFeedTest {
    @Inject
    @Client("/")
    HttpClient http;
    @Inject
    Fixtures fixtures;
    @Inject
    SignInFixture db;
    @Inject
    ChangeFeed feed;

    @Test
    void aChangeMadeOnAnotherInstanceIsSeenAfterTheNextRead() {
        TrustRecord trust = fixtures.trust();
        SchoolRecord school = fixtures.school(trust);
        PupilRecord pupil = fixtures.pupil(school, "4B");
        String officer = fixtures.token(fixtures.staff(trust, Optional.of(school), Roles.ATTENDANCE_OFFICER));
        feed.poll();
        assertEquals("4B", group(pupil, officer));

        db.update("UPDATE pupil SET registration_group = '5Z' WHERE id = ?", pupil.id());
        db.update("INSERT INTO audit_event (trust_id, school_id, entity_type, entity_id, pupil_id, action, changes,"
                + " actor_kind, actor_id, actor_name, at) VALUES (?, ?, 'PUPIL', ?, ?, 'UPDATED', '[]', 'STAFF', 1,"
                + " 'Other Instance', UTC_TIMESTAMP())", trust.id(), school.id(), pupil.id(), pupil.id());
        assertEquals("4B", group(pupil, officer), "kept in memory until the feed is read");

        feed.poll();
        assertEquals("5Z", group(pupil, officer));
    }

    private String group(PupilRecord pupil, String token) {
        return String.valueOf(http.toBlocking().retrieve(HttpRequest.GET("/pupils/" + pupil.id()).bearerAuth(token),
                Json.OBJECT).get("registrationGroup"));
    }
}
