package uk.attendance.notify.push;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import uk.attendance.caller.Caller;

import java.time.LocalDateTime;

/**
 * A phone or browser of a parent or staff member that receives pushes. {@code token} is the FCM registration token:
 * a credential for pushing to that device, so it is never returned or logged ({@link #fingerprint()} at most).
 * Times are UTC.
 */
@MappedEntity("device")
public record DeviceRecord(@Id @GeneratedValue Long id, Caller.Kind ownerKind, long ownerId, String token, String tokenHash,
                           String platform, @Nullable String label, LocalDateTime createdAt, LocalDateTime lastSeenAt) {

    /** The first 12 hex digits of the token's SHA-256: enough to tell tokens apart in a log, useless for sending. */
    public String fingerprint() {
        return tokenHash.substring(0, 12);
    }

    /** What the owner's app sees of the token, to recognise its own entry. */
    public String tokenEnding() {
        return token.length() <= 6 ? token : token.substring(token.length() - 6);
    }

    @Override
    public String toString() {
        return "DeviceRecord[id=" + id + ", owner=" + ownerKind + ":" + ownerId + ", platform=" + platform
                + ", token=" + fingerprint() + "…]";
    }
}
