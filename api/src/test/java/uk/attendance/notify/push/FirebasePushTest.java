package uk.attendance.notify.push;

import uk.attendance.notify.outbox.Outbox;
import uk.attendance.notify.outbox.OutboxMessage;
import uk.attendance.notify.outbox.OutboxRecord;
import uk.attendance.notify.outbox.OutboxWorker;
import uk.attendance.notify.outbox.ParentNotifier;
import uk.attendance.notify.text.FakeTwilio;

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
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pushes go through the real Firebase Admin SDK to a {@link FakeFcm}; dead tokens are forgotten; a parent no push
 * reaches gets a text through the real Twilio SDK and a {@link FakeTwilio}.
 */
@MicronautTest(transactional = false)
@Property(name = "attendance.firebase.api-base-url", value = FakeFcm.API_BASE_URL)
@Property(name = "attendance.twilio.account-sid", value = FakeTwilio.ACCOUNT_SID)
@Property(name = "attendance.twilio.auth-token", value = FakeTwilio.AUTH_TOKEN)
@Property(name = "attendance.twilio.from-number", value = FakeTwilio.FROM_NUMBER)
@Property(name = "attendance.outbox.poller", value = "false")
class FirebasePushTest {
    private static final ParentNotifier.Notice LEAVE_DECIDED = new ParentNotifier.Notice("test:leave-decided",
            "leave-decision", OutboxMessage.About.NOTHING, new PushMessage("Leave request decided", "Open the app to see the school's decision",
                    Map.of("leaveRequestId", "42", "kind", "LEAVE_DECIDED")),
            "The school has decided your leave request. Open the app to see the decision.");

    @Inject
    FakeFcm fcm;
    @Inject
    FakeTwilio twilio;
    @Inject
    SignInFixture fixture;
    @Inject
    DeviceService devices;
    @Inject
    PushService pushes;
    @Inject
    ParentNotifier notifier;
    @Inject
    PushSender sender;
    @Inject
    OutboxWorker worker;
    @Inject
    Outbox outbox;

    @Test
    void theFirebaseSenderIsInUse() {
        assertTrue(sender instanceof FirebasePushSender, sender.getClass().getName());
    }

    @Test
    void aPushReachesFcmThroughTheSdkWithTheTokenTitleAndData() {
        var parent = fixture.parent();
        String token = register(parent, "ANDROID");

        OutboxRecord notified = notifyAndDrain(parent);

        assertEquals(OutboxRecord.Status.SENT, notified.status());
        assertEquals(1, notified.devicesReached());
        List<FakeFcm.Received> sent = fcm.sentTo(token);
        assertEquals(1, sent.size());
        FakeFcm.Received push = sent.get(0);
        assertEquals("POST", push.method());
        assertEquals(FakeFcm.SEND_PATH, push.path());
        assertEquals("Bearer " + FirebaseFactory.FAKE_ACCESS_TOKEN, push.authorization());
        assertEquals("Leave request decided", push.title());
        assertEquals("Open the app to see the school's decision", push.body());
        assertEquals(Map.of("leaveRequestId", "42", "kind", "LEAVE_DECIDED"), push.data());
        assertEquals(List.of(), twilio.textsTo(parent.mobile()), "no text when a push got through");
    }

    @Test
    void anUnregisteredTokenRemovesTheDeviceAndTheParentIsTextedInstead() {
        var parent = fixture.parent();
        String token = register(parent, "IOS");
        fcm.reject(token, FakeFcm.UNREGISTERED);

        OutboxRecord notified = notifyAndDrain(parent);

        assertEquals(OutboxRecord.Status.FAILED, notified.status());
        assertEquals("NO_VALID_DEVICES", notified.lastError());
        assertEquals(OutboxRecord.Status.SENT, fallback(notified).status());
        assertEquals(1, fcm.sentTo(token).size());
        assertEquals(List.of(), devices.devicesOf(Caller.Kind.PARENT, parent.id()));
        List<FakeTwilio.Received> texts = twilio.textsTo(parent.mobile());
        assertEquals(1, texts.size());
        assertEquals(LEAVE_DECIDED.text(), texts.get(0).body());
    }

    @Test
    void aTokenFcmCallsInvalidIsRemovedButOtherFailuresKeepTheDevice() {
        var parent = fixture.parent();
        String invalid = register(parent, "WEB");
        String overQuota = register(parent, "ANDROID");
        String apnsBroken = register(parent, "IOS");
        fcm.reject(invalid, FakeFcm.INVALID_TOKEN);
        fcm.reject(overQuota, FakeFcm.QUOTA_EXCEEDED);
        fcm.reject(apnsBroken, FakeFcm.THIRD_PARTY_AUTH_ERROR);

        PushService.Delivery delivery = pushes.pushTo(Caller.Kind.PARENT, parent.id(), LEAVE_DECIDED.push());

        assertEquals(new PushService.Delivery(3, 0), delivery);
        assertEquals(Set.of(DeviceService.sha256(overQuota), DeviceService.sha256(apnsBroken)),
                devices.devicesOf(Caller.Kind.PARENT, parent.id()).stream().map(DeviceRecord::tokenHash).collect(Collectors.toSet()));
    }

    @Test
    void oneLiveDeviceIsEnoughAndTheDeadOneIsForgotten() {
        var parent = fixture.parent();
        String dead = register(parent, "ANDROID");
        String live = register(parent, "IOS");
        fcm.reject(dead, FakeFcm.UNREGISTERED);

        OutboxRecord notified = notifyAndDrain(parent);

        assertEquals(OutboxRecord.Status.SENT, notified.status());
        assertEquals(1, notified.devicesReached());
        assertEquals(1, fcm.sentTo(live).size());
        assertEquals(List.of(DeviceService.sha256(live)),
                devices.devicesOf(Caller.Kind.PARENT, parent.id()).stream().map(DeviceRecord::tokenHash).toList());
        assertEquals(List.of(), twilio.textsTo(parent.mobile()));
    }

    @Test
    void aParentWithoutDevicesIsTexted() {
        var parent = fixture.parent();

        OutboxRecord notified = notifyAndDrain(parent);

        assertEquals("NO_DEVICES", notified.lastError());
        OutboxRecord text = fallback(notified);
        assertEquals(OutboxRecord.Status.SENT, text.status());
        assertEquals(Caller.Kind.PARENT, text.toPersonKind());
        assertEquals(parent.id(), text.toPersonId());
        assertEquals(1, twilio.textsTo(parent.mobile()).size());
        assertEquals(LEAVE_DECIDED.text(), twilio.textsTo(parent.mobile()).get(0).body());
    }

    @Test
    void aPushFirebaseCannotTakeNowBecomesATextAtOnce() {
        var parent = fixture.parent();
        String token = register(parent, "ANDROID");
        fcm.reject(token, FakeFcm.QUOTA_EXCEEDED);

        OutboxRecord notified = notifyAndDrain(parent);

        assertEquals(OutboxRecord.Status.FAILED, notified.status(), "not retried: the text took over");
        assertEquals("QUOTA_EXCEEDED", notified.lastError());
        assertEquals(OutboxRecord.Status.SENT, fallback(notified).status());
        assertEquals(1, twilio.textsTo(parent.mobile()).size());
        assertEquals(1, devices.devicesOf(Caller.Kind.PARENT, parent.id()).size(), "the device stays");
    }

    @Test
    void whenNeitherPushNorTextGetsThroughTheNotifierSaysSo() {
        var parent = fixture.parent();
        twilio.failNextTextsTo(parent.mobile(), 1, 400, 21211);

        OutboxRecord notified = notifyAndDrain(parent);

        assertEquals(OutboxRecord.Status.FAILED, notified.status());
        OutboxRecord text = fallback(notified);
        assertEquals(OutboxRecord.Status.FAILED, text.status());
        assertEquals("TWILIO_21211", text.lastError());
    }

    @Test
    void theSameDecisionNotifiedTwiceIsQueuedOnce() {
        var parent = fixture.parent();
        ParentNotifier.Notice notice = notice();

        ParentNotifier.Queued first = notifier.notify(parent.id(), notice);
        ParentNotifier.Queued second = notifier.notify(parent.id(), notice);
        worker.drain();

        assertTrue(first.created());
        assertEquals(new ParentNotifier.Queued(first.outboxId(), false), second);
        assertEquals(1, twilio.textsTo(parent.mobile()).size());
    }

    private OutboxRecord notifyAndDrain(SignInFixture.Parent parent) {
        ParentNotifier.Queued queued = notifier.notify(parent.id(), notice());
        assertTrue(queued.created());
        worker.drain();
        return outbox.byId(queued.outboxId()).orElseThrow();
    }

    private OutboxRecord fallback(OutboxRecord push) {
        return outbox.byDedupeKey("fallback:outbox:" + push.id()).orElseThrow(() -> new AssertionError("no fallback text"));
    }

    /** The leave decision, as a decision of its own (a fresh key). */
    private static ParentNotifier.Notice notice() {
        return new ParentNotifier.Notice("test:leave-decided:" + UUID.randomUUID(), LEAVE_DECIDED.purpose(),
                LEAVE_DECIDED.about(), LEAVE_DECIDED.push(), LEAVE_DECIDED.text());
    }

    private String register(SignInFixture.Parent parent, String platform) {
        String token = "fcm-" + UUID.randomUUID() + ":APA91b" + "q".repeat(100);
        devices.register(new Caller(Caller.Kind.PARENT, parent.id(), parent.trustId(), Optional.empty(), Set.of(Roles.PARENT),
                "Pat Parent", ""), token, platform, null);
        return token;
    }
}
