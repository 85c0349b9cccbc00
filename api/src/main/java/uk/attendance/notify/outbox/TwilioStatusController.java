package uk.attendance.notify.outbox;

import uk.attendance.notify.text.TwilioSignatures;
import uk.attendance.notify.text.TwilioWebhookUrls;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.attendance.platform.ApiProblem;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /webhooks/twilio/status} ({@code recordTwilioStatus} in openapi.yaml). Written by hand rather than
 * implementing the generated {@code WebhooksApi}: Twilio signs every field it posts, including ones the contract does
 * not list, so the signature is checked against the raw form ({@link TwilioSignatures}), which the generated method
 * signature cannot give.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
public class TwilioStatusController {
    private static final Pattern STATUS = Pattern.compile("[a-z_]{1,20}");
    private static final Pattern ERROR_CODE = Pattern.compile("\\d{1,16}");

    private final Outbox outbox;
    private final TwilioSignatures signatures;

    TwilioStatusController(Outbox outbox, TwilioSignatures signatures) {
        this.outbox = outbox;
        this.signatures = signatures;
    }

    @Post(uri = TwilioWebhookUrls.STATUS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<Void> recordTwilioStatus(@Nullable @Header("X-Twilio-Signature") String signature,
                                          @Nullable @Body String body) {
        Map<String, String> form = signatures.verifiedForm(TwilioWebhookUrls.STATUS_PATH, signature, body);
        String sid = TwilioSignatures.required(form, "MessageSid", TwilioSignatures.SID);
        String status = TwilioSignatures.required(form, "MessageStatus", STATUS);
        Optional<String> errorCode = Optional.ofNullable(form.get("ErrorCode")).filter(c -> !c.isEmpty());
        if (errorCode.isPresent() && !ERROR_CODE.matcher(errorCode.get()).matches()) {
            throw ApiProblem.invalid("ErrorCode", "must be Twilio's numeric error code");
        }
        outbox.recordDelivery(sid, status, errorCode);
        return HttpResponse.noContent();
    }
}
