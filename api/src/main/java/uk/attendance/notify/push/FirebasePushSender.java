package uk.attendance.notify.push;

import com.google.firebase.ErrorCode;
import com.google.firebase.messaging.FirebaseMessaging;
import com.google.firebase.messaging.FirebaseMessagingException;
import com.google.firebase.messaging.Message;
import com.google.firebase.messaging.MessagingErrorCode;
import com.google.firebase.messaging.Notification;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Context // so a missing or unreadable service account stops the start, not the first push
@Requires(condition = FirebaseConfigured.class)
class FirebasePushSender implements PushSender {
    private static final Logger LOG = LoggerFactory.getLogger(FirebasePushSender.class);
    private final FirebaseMessaging messaging;

    FirebasePushSender(FirebaseMessaging messaging) {
        this.messaging = messaging;
    }

    @Override
    public PushResult send(PushMessage message, DeviceRecord device) {
        Message fcm;
        try {
            fcm = Message.builder()
                    .setToken(device.token())
                    .setNotification(Notification.builder().setTitle(message.title()).setBody(message.body()).build())
                    .putAllData(message.data())
                    .build();
        } catch (IllegalArgumentException e) {
            // e.g. a reserved data key ("from", "google.…"): our bug, not the device's
            LOG.error("Push to device {} not built: {}", device.id(), e.getMessage());
            return PushResult.failed("INVALID_MESSAGE");
        }
        try {
            String id = messaging.send(fcm);
            LOG.info("Push to device {} accepted by Firebase", device.id());
            return PushResult.sent(id);
        } catch (FirebaseMessagingException e) {
            String code = e.getMessagingErrorCode() != null ? e.getMessagingErrorCode().name() : String.valueOf(e.getErrorCode());
            if (tokenIsDead(e)) {
                LOG.info("Firebase rejected the token of device {} ({})", device.id(), code);
                return PushResult.tokenInvalid(code);
            }
            // Firebase's message may quote the token: log only the codes.
            LOG.warn("Push to device {} failed: {} (HTTP {})", device.id(), code,
                    e.getHttpResponse() == null ? "-" : e.getHttpResponse().getStatusCode());
            return PushResult.failed(code);
        } catch (RuntimeException e) {
            // e.g. a 401 makes the SDK refresh credentials, which can fail; a notification must not fail its caller
            LOG.warn("Push to device {} failed: {}", device.id(), e.getClass().getSimpleName());
            return PushResult.failed("UNEXPECTED");
        }
    }

    /** UNREGISTERED, or INVALID_ARGUMENT about the token itself (not about our message). */
    static boolean tokenIsDead(FirebaseMessagingException e) {
        if (e.getMessagingErrorCode() == MessagingErrorCode.UNREGISTERED) {
            return true;
        }
        boolean invalidArgument = e.getMessagingErrorCode() == MessagingErrorCode.INVALID_ARGUMENT
                || e.getErrorCode() == ErrorCode.INVALID_ARGUMENT;
        if (!invalidArgument) {
            return false;
        }
        String content = e.getHttpResponse() == null ? "" : String.valueOf(e.getHttpResponse().getContent());
        String text = (content + " " + e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return text.contains("\"message.token\"") || text.contains("registration token");
    }
}
