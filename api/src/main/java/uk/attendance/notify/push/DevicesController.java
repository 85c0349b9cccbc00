package uk.attendance.notify.push;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.contract.api.DevicesApi;
import uk.attendance.contract.model.Device;
import uk.attendance.contract.model.DevicePlatform;
import uk.attendance.contract.model.DeviceRegistration;

import java.time.ZoneOffset;
import java.util.List;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
class DevicesController implements DevicesApi {
    private final DeviceService devices;
    private final CurrentCaller caller;

    DevicesController(DeviceService devices, CurrentCaller caller) {
        this.devices = devices;
        this.caller = caller;
    }

    @Override
    public HttpResponse<Device> registerDevice(DeviceRegistration in) {
        DeviceService.Registration r = devices.register(caller.get(), in.getToken(), in.getPlatform().getValue(), in.getLabel());
        return HttpResponse.<Device>status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(toContract(r.device()));
    }

    @Override
    public List<Device> listDevices() {
        return devices.devicesOf(caller.get()).stream().map(DevicesController::toContract).toList();
    }

    @Override
    public HttpResponse<Void> deleteDevice(Long deviceId) {
        devices.remove(caller.get(), deviceId);
        return HttpResponse.noContent();
    }

    private static Device toContract(DeviceRecord d) {
        return new Device(d.id(), DevicePlatform.fromValue(d.platform()), d.tokenEnding(),
                d.createdAt().atZone(ZoneOffset.UTC), d.lastSeenAt().atZone(ZoneOffset.UTC))
                .label(d.label());
    }
}
