package uk.attendance.notify.push;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.platform.ApiProblem;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** The devices (FCM tokens) of parents and staff. A token belongs to one person at a time. */
@Singleton
public class DeviceService {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceService.class);
    private final DeviceRepository devices;
    private final Clock clock;

    DeviceService(DeviceRepository devices, Clock clock) {
        this.devices = devices;
        this.clock = clock;
    }

    /** {@code created} is false when the caller had already registered this token (it is refreshed, not added). */
    public record Registration(DeviceRecord device, boolean created) {
    }

    @Transactional
    public Registration register(Caller caller, String token, String platform, @Nullable String label) {
        if (token == null || token.isBlank() || !token.strip().equals(token)) {
            throw ApiProblem.invalid("token", "must be the token exactly as Firebase gave it, without spaces");
        }
        String hash = sha256(token);
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String cleanLabel = Optional.ofNullable(label).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        Optional<DeviceRecord> existing = devices.findByTokenHash(hash);
        if (existing.isPresent()) {
            DeviceRecord known = existing.get();
            if (known.ownerKind() == caller.kind() && known.ownerId() == caller.id()) {
                DeviceRecord refreshed = devices.update(new DeviceRecord(known.id(), known.ownerKind(), known.ownerId(),
                        known.token(), hash, platform, cleanLabel, known.createdAt(), now));
                LOG.info("Device {} refreshed by {}:{}", refreshed.id(), caller.kind(), caller.id());
                return new Registration(refreshed, false);
            }
            // A phone passed on or shared: only its latest user should get pushes on it.
            devices.delete(known);
            LOG.info("Device {} removed: its token was registered by another person", known.id());
        }
        DeviceRecord saved = devices.save(new DeviceRecord(null, caller.kind(), caller.id(), token, hash, platform,
                cleanLabel, now, now));
        LOG.info("Device {} registered by {}:{} (token {}…)", saved.id(), caller.kind(), caller.id(), saved.fingerprint());
        return new Registration(saved, true);
    }

    public List<DeviceRecord> devicesOf(Caller caller) {
        return devicesOf(caller.kind(), caller.id());
    }

    public List<DeviceRecord> devicesOf(Caller.Kind kind, long ownerId) {
        return devices.newestFirst(kind.name(), ownerId);
    }

    /** Another person's device answers 404, as if it did not exist. */
    @Transactional
    public void remove(Caller caller, long deviceId) {
        DeviceRecord device = devices.findByIdAndOwnerKindAndOwnerId(deviceId, caller.kind(), caller.id())
                .orElseThrow(() -> ApiProblem.notFound("No device " + deviceId));
        devices.delete(device);
        LOG.info("Device {} removed by its owner", deviceId);
    }

    /** Drops a device whose token Firebase no longer accepts (unless it was re-registered with a new id meanwhile). */
    public void forgetStale(DeviceRecord device) {
        if (devices.deleteByIdAndTokenHash(device.id(), device.tokenHash()) > 0) {
            LOG.info("Device {} removed: Firebase reports its token is no longer valid", device.id());
        }
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
