package uk.attendance.notify.push;

import uk.attendance.notify.outbox.Outbox;
import uk.attendance.notify.outbox.OutboxMessage;
import uk.attendance.notify.outbox.OutboxRecord;
import uk.attendance.notify.outbox.OutboxWorker;
import uk.attendance.notify.outbox.ParentNotifier;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without Firebase or Twilio credentials (a newcomer's laptop) pushes land in dev_push and texts in dev_text. */
@MicronautTest(transactional = false)
@Property(name = "attendance.outbox.poller", value = "false")
class DevPushTest {
    private static final ParentNotifier.Notice NOTICE = new ParentNotifier.Notice("test:dev-push:" + UUID.randomUUID(),
            "report-question", OutboxMessage.About.NOTHING, new PushMessage("A question from school", "Open the app to answer", Map.of("absenceReportId", "9")),
            "The school has a question about your absence report. Open the app to answer.");

    @Inject
    SignInFixture fixture;
    @Inject
    DeviceService devices;
    @Inject
    ParentNotifier notifier;
    @Inject
    PushSender sender;
    @Inject
    OutboxWorker worker;
    @Inject
    Outbox outbox;

    @Test
    void aPushToARegisteredDeviceIsStoredAsADevPush() {
        var parent = fixture.parent();
        DeviceRecord device = devices.register(new Caller(Caller.Kind.PARENT, parent.id(), parent.trustId(), Optional.empty(),
                Set.of(Roles.PARENT), "Pat Parent", ""), "dev-" + UUID.randomUUID(), "ANDROID", null).device();

        ParentNotifier.Queued queued = notifier.notify(parent.id(), notice());
        worker.drain();

        OutboxRecord sent = outbox.byId(queued.outboxId()).orElseThrow();
        assertEquals(OutboxRecord.Status.SENT, sent.status());
        assertEquals(1, sent.devicesReached());
        assertTrue(sender instanceof DevPushSender, sender.getClass().getName());
        List<DevPushRecord> stored = ((DevPushSender) sender).pushesTo(device.id());
        assertEquals(1, stored.size());
        assertEquals("A question from school", stored.get(0).title());
        assertEquals("Open the app to answer", stored.get(0).body());
        assertEquals("{\"absenceReportId\":\"9\"}", stored.get(0).data());
        assertEquals(List.of(), fixture.rows("SELECT id FROM dev_text WHERE recipient = ?", parent.mobile()));
    }

    @Test
    void aParentWithoutDevicesGetsADevText() {
        var parent = fixture.parent();

        ParentNotifier.Queued queued = notifier.notify(parent.id(), notice());
        worker.drain();

        assertEquals("NO_DEVICES", outbox.byId(queued.outboxId()).orElseThrow().lastError());
        assertEquals(OutboxRecord.Status.SENT, outbox.byDedupeKey("fallback:outbox:" + queued.outboxId()).orElseThrow().status());
        assertEquals(List.of(NOTICE.text()), fixture.rows("SELECT body FROM dev_text WHERE recipient = ?", parent.mobile())
                .stream().map(r -> r.get("body")).toList());
    }

    /** The same notice, decided anew (a key of its own). */
    private static ParentNotifier.Notice notice() {
        return new ParentNotifier.Notice("test:dev-push:" + UUID.randomUUID(), NOTICE.purpose(), NOTICE.about(),
                NOTICE.push(), NOTICE.text());
    }
}
