package uk.attendance.notify;

import uk.attendance.platform.UkMobile;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.auth.Roles;
import uk.attendance.contract.api.DevApi;
import uk.attendance.contract.model.DevText;
import uk.attendance.platform.ApiProblem;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.TEACHER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class DevTextsController implements DevApi {
    private final Optional<DevSmsSender> devTexts;

    DevTextsController(Optional<DevSmsSender> devTexts) {
        this.devTexts = devTexts;
    }

    @Override
    public List<DevText> listDevTexts(String to) {
        DevSmsSender sender = devTexts.orElseThrow(
                () -> ApiProblem.notFound("Texts are sent through Twilio here, so there are no dev texts to show"));
        Optional<String> recipient = Optional.ofNullable(to).filter(s -> !s.isBlank()).map(typed -> UkMobile.parse(typed).map(UkMobile::e164)
                .orElseThrow(() -> ApiProblem.invalid("to", "Enter a UK mobile number, like 07700 900123")));
        return sender.newest(recipient).stream()
                .map(t -> new DevText(t.recipient(), t.body(), t.sentAt().atZone(ZoneOffset.UTC)))
                .toList();
    }
}
