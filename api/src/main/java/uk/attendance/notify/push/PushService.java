package uk.attendance.notify.push;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;

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
        List<PushResult> results = pushToEach(kind, ownerId, message);
        return new Delivery(results.size(), (int) results.stream().filter(PushResult::isSent).count());
    }

    /** What became of the push on each of the person's devices (none: no device); dead tokens are already forgotten. */
    public List<PushResult> pushToEach(Caller.Kind kind, long ownerId, PushMessage message) {
        List<DeviceRecord> targets = devices.devicesOf(kind, ownerId);
        List<PushResult> results = new java.util.ArrayList<>(targets.size());
        for (DeviceRecord device : targets) {
            PushResult result = sender.send(message, device);
            if (result.outcome() == PushResult.Outcome.TOKEN_INVALID) {
                devices.forgetStale(device);
            }
            results.add(result);
        }
        return results;
    }
}
