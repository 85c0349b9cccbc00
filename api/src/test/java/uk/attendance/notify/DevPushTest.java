package uk.attendance.notify;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.attendance.auth.Caller;
import uk.attendance.auth.Roles;
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
class DevPushTest {
    private static final ParentNotifier.Notice NOTICE = new ParentNotifier.Notice(
            new PushMessage("A question from school", "Open the app to answer", Map.of("absenceReportId", "9")),
            "The school has a question about your absence report. Open the app to answer.");

    @Inject
    SignInFixture fixture;
    @Inject
    DeviceService devices;
    @Inject
    ParentNotifier notifier;
    @Inject
    PushSender sender;

    @Test
    void aPushToARegisteredDeviceIsStoredAsADevPush() {
        var parent = fixture.parent();
        DeviceRecord device = devices.register(new Caller(Caller.Kind.PARENT, parent.id(), parent.trustId(), Optional.empty(),
                Set.of(Roles.PARENT), "Pat Parent", ""), "dev-" + UUID.randomUUID(), "ANDROID", null).device();

        ParentNotifier.Notified notified = notifier.notify(parent.id(), NOTICE);

        assertEquals(new ParentNotifier.Notified(ParentNotifier.Channel.PUSH, 1), notified);
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

        ParentNotifier.Notified notified = notifier.notify(parent.id(), NOTICE);

        assertEquals(ParentNotifier.Channel.TEXT, notified.channel());
        assertEquals(List.of(NOTICE.text()), fixture.rows("SELECT body FROM dev_text WHERE recipient = ?", parent.mobile())
                .stream().map(r -> r.get("body")).toList());
    }
}
