package uk.attendance.auth;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.attendance.auth.SignInCodeRecord.State;

import java.time.Duration;
import java.time.LocalDateTime;

/** The transactional steps of a parent's sign-in code; the caller decides what to answer. */
@Singleton
class SignInCodeStore {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    static final int MAX_ATTEMPTS = 5;
    private final SignInCodeRepository codes;
    private final SignInCodeTexts texts;

    SignInCodeStore(SignInCodeRepository codes, SignInCodeTexts texts) {
        this.codes = codes;
        this.texts = texts;
    }

    /**
     * Stores a new code for the number (older waiting ones stop working) and its text in the outbox, in one
     * transaction; the outbox sends the text only while the code is {@link State#LIVE}. Returns the code's row id.
     */
    @Transactional
    long replace(String mobile, String client, String codeHash, State state, String text, LocalDateTime now) {
        codes.supersedeWaiting(mobile);
        long id = codes.save(new SignInCodeRecord(null, mobile, client, codeHash, now, now.plus(LIFETIME), 0, state)).id();
        texts.enqueue(id, mobile, text);
        return id;
    }

    /** Checks a guess against the newest code of the number, counting wrong guesses. Commits even when wrong. */
    @Transactional
    Check check(String mobile, String guessHash, LocalDateTime now) {
        SignInCodeRecord code = codes.lockNewest(mobile).orElse(null);
        if (code == null || code.state() == State.USED || code.state() == State.SUPERSEDED) {
            return new Check(Outcome.NO_CODE, 0, null);
        }
        if (code.state() == State.LOCKED) {
            return new Check(Outcome.LOCKED, 0, code.id());
        }
        if (!now.isBefore(code.expiresAt())) {
            return new Check(Outcome.EXPIRED, 0, code.id());
        }
        if (code.state() == State.LIVE && SignInCodeHasher.same(code.codeHash(), guessHash)) {
            codes.updateAttempts(code.id(), code.attempts(), State.USED.name());
            return new Check(Outcome.ACCEPTED, 0, code.id());
        }
        int attempts = code.attempts() + 1;
        State state = attempts >= MAX_ATTEMPTS ? State.LOCKED : code.state();
        codes.updateAttempts(code.id(), attempts, state.name());
        return new Check(Outcome.WRONG, MAX_ATTEMPTS - attempts, code.id());
    }

    enum Outcome { ACCEPTED, NO_CODE, EXPIRED, LOCKED, WRONG }

    record Check(Outcome outcome, int triesLeft, Long codeId) {
    }
}
