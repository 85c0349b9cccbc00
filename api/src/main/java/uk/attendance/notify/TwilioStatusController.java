package uk.attendance.notify;

import com.twilio.security.RequestValidator;
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

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code POST /webhooks/twilio/status} ({@code recordTwilioStatus} in openapi.yaml). Written by hand rather than
 * implementing the generated {@code WebhooksApi}: Twilio signs every field it posts, including ones the contract does
 * not list, so the signature is checked against the raw form, which the generated method signature cannot give.
 */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class TwilioStatusController {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioStatusController.class);
    private static final Pattern SID = Pattern.compile("[A-Za-z0-9]{2,64}");
    private static final Pattern STATUS = Pattern.compile("[a-z_]{1,20}");
    private static final Pattern ERROR_CODE = Pattern.compile("\\d{1,16}");

    private final Outbox outbox;
    private final Optional<RequestValidator> validator;
    private final Optional<URI> url;

    TwilioStatusController(Outbox outbox, TwilioSettings settings, TwilioWebhookUrls urls) {
        this.outbox = outbox;
        this.validator = Optional.ofNullable(settings.authToken()).filter(t -> !t.isBlank()).map(RequestValidator::new);
        this.url = urls.statusCallback();
    }

    @Post(uri = TwilioWebhookUrls.STATUS_PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED,
            produces = MediaType.APPLICATION_JSON)
    HttpResponse<Void> recordTwilioStatus(@Nullable @Header("X-Twilio-Signature") String signature,
                                          @Nullable @Body String body) {
        Map<String, String> form = parse(body == null ? "" : body);
        if (signature == null || form == null || validator.isEmpty() || url.isEmpty()
                || !validator.get().validate(url.get().toString(), form, signature)) {
            LOG.warn("Twilio status callback refused: {}", signature == null ? "no signature"
                    : validator.isEmpty() || url.isEmpty() ? "Twilio or PUBLIC_URL not configured" : "bad signature");
            throw ApiProblem.forbidden("The request does not carry a valid Twilio signature");
        }
        String sid = required(form, "MessageSid", SID);
        String status = required(form, "MessageStatus", STATUS);
        Optional<String> errorCode = Optional.ofNullable(form.get("ErrorCode")).filter(c -> !c.isEmpty());
        if (errorCode.isPresent() && !ERROR_CODE.matcher(errorCode.get()).matches()) {
            throw ApiProblem.invalid("ErrorCode", "must be Twilio's numeric error code");
        }
        outbox.recordDelivery(sid, status, errorCode);
        return HttpResponse.noContent();
    }

    private static String required(Map<String, String> form, String field, Pattern shape) {
        String value = form.get(field);
        if (value == null || !shape.matcher(value).matches()) {
            throw ApiProblem.invalid(field, value == null ? "required" : "is not what Twilio sends");
        }
        return value;
    }

    /** The form exactly as posted (a repeated field keeps its first value: Twilio sends none); null if malformed. */
    static Map<String, String> parse(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        try {
            for (String pair : form.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.putIfAbsent(key, value);
            }
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        return fields;
    }
}
