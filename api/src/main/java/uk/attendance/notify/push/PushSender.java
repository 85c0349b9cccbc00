package uk.attendance.notify.push;

/**
 * Sends one push to one device. Through the Firebase Admin SDK when {@code attendance.firebase.*} is configured
 * ({@link FirebasePushSender}); otherwise written to the {@code dev_push} table ({@link DevPushSender}).
 * Use {@link PushService} to reach every device of a person (it also forgets dead tokens).
 */
public interface PushSender {

    /** Sends now and waits for the provider's answer; never throws for a provider failure. */
    PushResult send(PushMessage message, DeviceRecord device);
}
