package uk.attendance.notify.text;

import uk.attendance.platform.UkMobile;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.twilio.base.Page;

import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.Optional;

@Context // so missing Twilio settings stop the start, not the first text
@Requires(condition = TwilioConfigured.class)
class TwilioSmsSender implements SmsSender {
    private static final Logger LOG = LoggerFactory.getLogger(TwilioSmsSender.class);
    private static final long LOOKUP_PAGE = 50;
    private final TwilioRestClient client;
    private final PhoneNumber from;
    private final Optional<URI> statusCallback;

    TwilioSmsSender(TwilioRestClient client, TwilioSettings settings, TwilioWebhookUrls webhooks) {
        settings.requireComplete();
        this.client = client;
        this.from = new PhoneNumber(settings.fromNumber());
        this.statusCallback = webhooks.statusCallback();
    }

    @Override
    public SentText send(String toE164, String body) {
        try {
            MessageCreator creator = Message.creator(new PhoneNumber(toE164), from, body);
            statusCallback.ifPresent(creator::setStatusCallback);
            Message message = creator.create(client);
            String status = message.getStatus() == null ? "unknown" : message.getStatus().toString();
            LOG.info("Text {} to {} accepted by Twilio ({})", message.getSid(), UkMobile.mask(toE164), status);
            return new SentText(message.getSid(), status);
        } catch (ApiException e) {
            // Twilio's message may quote the number; log only its error code and HTTP status.
            LOG.warn("Twilio refused a text to {}: error {} (HTTP {})", UkMobile.mask(toE164),
                    e.getCode(), e.getStatusCode());
            throw new TextNotSent("Twilio refused the text (error " + e.getCode() + ")",
                    "TWILIO_" + (e.getCode() != null ? e.getCode() : "HTTP_" + e.getStatusCode()), cannotSucceed(e));
        } catch (TwilioException e) {
            LOG.warn("Could not reach Twilio for a text to {}: {}", UkMobile.mask(toE164),
                    e.getClass().getSimpleName());
            throw new TextNotSent("Twilio could not be reached", "TWILIO_UNREACHABLE", false, true);
        }
    }

    /**
     * Twilio's Messages list, newest first, filtered by recipient and our number; one page of 50 is far more than one
     * number gets between a cut handover and its next claim. Matched on the body and the creation time.
     */
    @Override
    public Optional<SentText> findUnrecorded(String toE164, String body, LocalDateTime sinceUtc, Predicate<String> recorded) {
        try {
            Page<Message> page = Message.reader().setTo(new PhoneNumber(toE164)).setFrom(from)
                    .setPageSize(LOOKUP_PAGE).firstPage(client);
            List<Message> matches = new ArrayList<>(page.getRecords().stream()
                    .filter(m -> body.equals(m.getBody()))
                    .filter(m -> m.getDateCreated() == null
                            || !m.getDateCreated().withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime().isBefore(sinceUtc))
                    .filter(m -> !recorded.test(m.getSid()))
                    .toList());
            Collections.reverse(matches);
            LOG.info("Twilio's log holds {} unrecorded text(s) to {} with the body of a cut handover", matches.size(),
                    UkMobile.mask(toE164));
            return matches.stream().findFirst().map(m -> new SentText(m.getSid(),
                    m.getStatus() == null ? "unknown" : m.getStatus().toString()));
        } catch (ApiException e) {
            LOG.warn("Twilio refused to list the texts to {}: error {} (HTTP {})", UkMobile.mask(toE164), e.getCode(),
                    e.getStatusCode());
            throw new TextNotSent("Twilio's message log could not be read", "TWILIO_LOG_" + e.getStatusCode(), false, true);
        } catch (TwilioException e) {
            LOG.warn("Could not reach Twilio to list the texts to {}: {}", UkMobile.mask(toE164), e.getClass().getSimpleName());
            throw new TextNotSent("Twilio could not be reached", "TWILIO_UNREACHABLE", false, true);
        }
    }

    /**
     * A 4xx about the text itself (invalid or unsubscribed number, bad body) fails the same way every time. Not
     * 401/403 (our credentials: fixable while the text waits), 404 (Twilio answers it for a wrong account too),
     * 408, 409 or 429 (try later).
     */
    static boolean cannotSucceed(ApiException e) {
        Integer status = e.getStatusCode();
        return status != null && status >= 400 && status < 500 && !java.util.Set.of(401, 403, 404, 408, 409, 429).contains(status);
    }
}
