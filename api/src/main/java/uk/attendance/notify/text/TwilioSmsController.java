package uk.attendance.notify.text;


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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.UkMobile;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /webhooks/twilio/sms} ({@code receiveTwilioSms} in openapi.yaml): a text to our number, signed by
 * Twilio ({@link TwilioSignatures}; 403 otherwise), handed to {@link InboundTexts}. The answer is empty TwiML: Twilio
 * sends no reply text, and does not retry. A sender's number that is not a number (a short code, an alphanumeric
 * sender) is acknowledged and ignored.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class TwilioSmsController {
    static final String EMPTY_TWIML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";
    private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsController.class);
    private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{6,14}");
    private static final int MAX_BODY = 1600;

    private final TwilioSignatures signatures;
    private final Optional<InboundTexts> inbound;
    private final Clock clock;

    TwilioSmsController(TwilioSignatures signatures, Optional<InboundTexts> inbound, Clock clock) {
        this.signatures = signatures;
        this.inbound = inbound;
        this.clock = clock;
    }

    @Post(uri = TwilioWebhookUrls.SMS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_XML)
    HttpResponse<String> receiveTwilioSms(@Nullable @Header("X-Twilio-Signature") String signature,
                                          @Nullable @Body String body) {
        Map<String, String> form = signatures.verifiedForm(TwilioWebhookUrls.SMS_PATH, signature, body);
        String sid = TwilioSignatures.required(form, "MessageSid", TwilioSignatures.SID);
        String from = form.get("From");
        if (from == null) {
            throw ApiProblem.invalid("From", "required");
        }
        String text = Optional.ofNullable(form.get("Body")).orElse("");
        if (!E164.matcher(from).matches()) {
            LOG.info("Text {} from a sender that is not a phone number: ignored", sid);
        } else if (inbound.isEmpty()) {
            LOG.info("Text {} from {}: nothing in the app takes texts", sid, UkMobile.mask(from));
        } else {
            inbound.get().received(new InboundText(sid, from,
                    text.length() > MAX_BODY ? text.substring(0, MAX_BODY) : text, clock.instant()));
        }
        return HttpResponse.ok(EMPTY_TWIML).contentType(MediaType.TEXT_XML_TYPE);
    }
}
