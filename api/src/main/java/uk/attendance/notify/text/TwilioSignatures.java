package uk.attendance.notify.text;

import com.twilio.security.RequestValidator;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
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
 * Checks that a webhook request comes from Twilio: its {@code X-Twilio-Signature} must be the HMAC-SHA1, keyed with our
 * auth token, of the public URL Twilio called (behind the proxy: {@link TwilioWebhookUrls}) and every posted field,
 * as the SDK's {@link RequestValidator} computes it. Twilio signs every field it posts, including ones the contract
 * does not list, so the check runs on the raw form.
 */
@Singleton
public class TwilioSignatures {
    /** What a Twilio message SID looks like in a webhook form. */
    public static final Pattern SID = Pattern.compile("[A-Za-z0-9]{2,64}");
    private static final Logger LOG = LoggerFactory.getLogger(TwilioSignatures.class);
    private final Optional<RequestValidator> validator;
    private final TwilioWebhookUrls urls;

    TwilioSignatures(TwilioSettings settings, TwilioWebhookUrls urls) {
        this.validator = Optional.ofNullable(settings.authToken()).filter(t -> !t.isBlank()).map(RequestValidator::new);
        this.urls = urls;
    }

    /**
     * @param path the webhook's path, e.g. {@link TwilioWebhookUrls#SMS_PATH}
     * @return the posted fields, decoded, when the signature is Twilio's
     * @throws ApiProblem 403 when it is not (or Twilio or the public URL is not configured, so nothing can be checked)
     */
    public Map<String, String> verifiedForm(String path, @Nullable String signature, @Nullable String body) {
        Map<String, String> form = parse(body == null ? "" : body);
        Optional<URI> url = urls.of(path);
        if (signature == null || form == null || validator.isEmpty() || url.isEmpty()
                || !validator.get().validate(url.get().toString(), form, signature)) {
            LOG.warn("Twilio webhook {} refused: {}", path, signature == null ? "no signature"
                    : validator.isEmpty() || url.isEmpty() ? "Twilio or PUBLIC_URL not configured" : "bad signature");
            throw ApiProblem.forbidden("The request does not carry a valid Twilio signature");
        }
        return form;
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

    /** The form field, when it has the shape Twilio sends; else 400 naming it. */
    public static String required(Map<String, String> form, String field, Pattern shape) {
        String value = form.get(field);
        if (value == null || !shape.matcher(value).matches()) {
            throw ApiProblem.invalid(field, value == null ? "required" : "is not what Twilio sends");
        }
        return value;
    }
}
