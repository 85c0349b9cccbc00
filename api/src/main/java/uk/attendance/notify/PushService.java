package uk.attendance.notify;

import jakarta.inject.Singleton;
import uk.attendance.auth.Caller;

import java.util.List;

/** Pushes to every device of one person and forgets the devices whose tokens Firebase reports dead. */
@Singleton
public class PushService {
    private final DeviceService devices;
    private final PushSender sender;

    PushService(DeviceService devices, PushSender sender) {
        this.devices = devices;
        this.sender = sender;
    }

    /** @param sent how many devices accepted the push; 0 with {@code devices > 0} means every attempt failed */
    public record Delivery(int devices, int sent) {
    }

    public Delivery pushTo(Caller.Kind kind, long ownerId, PushMessage message) {
        List<DeviceRecord> targets = devices.devicesOf(kind, ownerId);
        int sent = 0;
        for (DeviceRecord device : targets) {
            PushResult result = sender.send(message, device);
            switch (result.outcome()) {
                case SENT -> sent++;
                case TOKEN_INVALID -> devices.forgetStale(device);
                case FAILED -> {
                }
            }
        }
        return new Delivery(targets.size(), sent);
    }
}
