package uk.attendance.notify.text;

import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.DevApi;
import uk.attendance.contract.model.DevText;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.UkMobile;
import uk.attendance.pupil.PupilService;

import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The texts a machine without Twilio would have sent, sign-in codes included: whoever reads them can sign in as any
 * parent shown. So only the trust admin, only texts to their own trust's parents/carers, and only while texts are not
 * really sent (no Twilio credentials, so never in production: {@code attendance.require-secrets} refuses to start
 * without Twilio): 404 otherwise.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.TRUST_ADMIN)
class DevTextsController implements DevApi {
    private final Optional<DevSmsSender> devTexts;
    private final CurrentCaller caller;
    private final PupilService pupils;

    DevTextsController(Optional<DevSmsSender> devTexts, CurrentCaller caller, PupilService pupils) {
        this.devTexts = devTexts;
        this.caller = caller;
        this.pupils = pupils;
    }

    @Override
    public List<DevText> listDevTexts(String to) {
        DevSmsSender sender = devTexts.orElseThrow(
                () -> ApiProblem.notFound("Texts are sent through Twilio here, so there are no dev texts to show"));
        Optional<String> recipient = Optional.ofNullable(to).filter(s -> !s.isBlank()).map(typed -> UkMobile.parse(typed).map(UkMobile::e164)
                .orElseThrow(() -> ApiProblem.invalid("to", "Enter a UK mobile number, like 07700 900123")));
        long trustId = caller.get().trustId();
        Map<String, Boolean> ofTrust = new HashMap<>();
        return sender.newest(recipient, mobile -> ofTrust.computeIfAbsent(mobile, m -> pupils.hasContact(trustId, m))).stream()
                .map(t -> new DevText(t.recipient(), t.body(), t.sentAt().atZone(ZoneOffset.UTC)))
                .toList();
    }
}
