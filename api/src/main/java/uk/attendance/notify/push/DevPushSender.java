package uk.attendance.notify.push;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TreeMap;

/**
 * Without Firebase credentials pushes are written to {@code dev_push} (and the log, device id only), so a newcomer
 * can see what the app would have pushed. Production ({@code attendance.require-secrets}) refuses to start without
 * Firebase ({@link uk.attendance.platform.ProductionSafetyCheck}): parents would be told nothing while the app believed
 * them notified.
 */
@Context
@Requires(condition = FirebaseConfigured.Not.class)
class DevPushSender implements PushSender {
    private static final Logger LOG = LoggerFactory.getLogger(DevPushSender.class);
    private final DevPushRepository pushes;
    private final JsonMapper json;
    private final Clock clock;

    DevPushSender(DevPushRepository pushes, JsonMapper json, Clock clock) {
        this.pushes = pushes;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public PushResult send(PushMessage message, DeviceRecord device) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        String data;
        try {
            data = json.writeValueAsString(new TreeMap<>(message.data()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DevPushRecord saved = pushes.save(new DevPushRecord(null, device.id(), message.title(), message.body(), data, now));
        LOG.info("Push to device {} not sent (Firebase is not configured): stored as dev push {}", device.id(), saved.id());
        return PushResult.sent("dev-push-" + saved.id());
    }

    List<DevPushRecord> pushesTo(long deviceId) {
        return pushes.findByDeviceIdOrderById(deviceId);
    }
}
