package uk.attendance.auth;

import jakarta.inject.Singleton;
import uk.attendance.auth.SignInCodeRecord.State;
import uk.attendance.notify.outbox.Outbox;
import uk.attendance.notify.outbox.OutboxMessage;
import uk.attendance.notify.outbox.OutboxPurpose;
import uk.attendance.notify.outbox.OutboxRecord;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * The text of each sign-in code goes through the outbox, written with the code's row, so that asking for a code costs
 * the same whether or not the number is a parent's (Twilio is called later, by the outbox's worker). Just before
 * sending, the worker asks here whether the code is still waiting: a decoy (a number no contact has), a code replaced
 * by a newer one, used, locked or expired is not texted. Once settled, the text's body (which holds the code) is
 * overwritten, so the code is not kept in the outbox either.
 */
@Singleton
class SignInCodeTexts implements OutboxPurpose {
    static final String PURPOSE = "sign-in-code";
    private static final String KEY_PREFIX = "sign-in-code:";
    static final String FORGOTTEN_BODY = "Sign-in code text (the code is not kept)";
    private final SignInCodeRepository codes;
    private final Outbox outbox;
    private final Clock clock;

    SignInCodeTexts(SignInCodeRepository codes, Outbox outbox, Clock clock) {
        this.codes = codes;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Joins the caller's transaction: the text exists if and only if the code's row commits. */
    void enqueue(long codeId, String mobile, String body) {
        outbox.enqueue(OutboxMessage.text(KEY_PREFIX + codeId, PURPOSE, mobile, body, OutboxMessage.About.NOTHING));
    }

    @Override
    public Set<String> purposes() {
        return Set.of(PURPOSE);
    }

    @Override
    public Optional<String> cancelReason(OutboxRecord message) {
        Optional<SignInCodeRecord> code = codeOf(message);
        if (code.isEmpty()) {
            return Optional.of("CODE_GONE");
        }
        State state = code.get().state();
        if (state == State.DECOY) {
            return Optional.of("NOT_A_CONTACT");
        }
        if (state != State.LIVE) {
            return Optional.of("CODE_" + state.name());
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        return now.isBefore(code.get().expiresAt()) ? Optional.empty() : Optional.of("CODE_EXPIRED");
    }

    @Override
    public void settled(OutboxRecord message) {
        outbox.forgetBody(message.id(), FORGOTTEN_BODY);
    }

    private Optional<SignInCodeRecord> codeOf(OutboxRecord message) {
        String key = message.dedupeKey();
        if (key == null || !key.startsWith(KEY_PREFIX)) {
            return Optional.empty();
        }
        try {
            return codes.findById(Long.parseLong(key.substring(KEY_PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
