package uk.attendance.notify.text;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A text to our number posted to {@code /webhooks/twilio/sms} as Twilio posts it, signed with {@link FakeTwilio}'s auth
 * token. The signature is Twilio's scheme written out apart from the SDK (HMAC-SHA1 of the URL and each field's name
 * and value, sorted), so the app's validation through the SDK is checked against an independent signer.
 */
public final class SignedInboundText {
    /** The public URL the app is configured with in these tests ({@code attendance.public-url}), plus the path. */
    public static final String SMS_URL = "https://attendance.example.org/webhooks/twilio/sms";

    private SignedInboundText() {
    }

    public static String newSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    public static Map<String, String> fields(String sid, String from, String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ToCountry", "GB");
        fields.put("SmsMessageSid", sid);
        fields.put("NumMedia", "0");
        fields.put("MessageSid", sid);
        fields.put("AccountSid", FakeTwilio.ACCOUNT_SID);
        fields.put("From", from);
        fields.put("To", FakeTwilio.FROM_NUMBER);
        fields.put("Body", body);
        fields.put("NumSegments", "1");
        fields.put("ApiVersion", "2010-04-01");
        return fields;
    }

    public static HttpResponse<String> post(HttpClient http, Map<String, String> fields) {
        return http.toBlocking().exchange(HttpRequest.POST("/webhooks/twilio/sms", form(fields))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                .header("X-Twilio-Signature", sign(SMS_URL, fields)), String.class);
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static String sign(String url, Map<String, String> fields) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(fields).forEach((k, v) -> data.append(k).append(v));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(FakeTwilio.AUTH_TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
