package uk.attendance.auth;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** One request for a parent's sign-in code. Only an HMAC of the code is kept. Times are UTC. */
@MappedEntity("sign_in_code")
record SignInCodeRecord(@Id @GeneratedValue Long id, String mobile, String client, String codeHash,
                        LocalDateTime createdAt, LocalDateTime expiresAt, int attempts, State state) {

    enum State {
        /** Texted and waiting to be used. */
        LIVE,
        /**
         * Asked for a number no contact has: the hash matches no code and its text, written to the outbox like a
         * live code's, is cancelled there instead of sent ({@link SignInCodeTexts}); the row counts towards the
         * limits and answers wrong guesses like a live code, so nobody learns which numbers belong to parents.
         */
        DECOY,
        USED,
        LOCKED,
        SUPERSEDED
    }
}
