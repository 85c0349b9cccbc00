package uk.attendance.absence;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.AbsenceReportInput;
import uk.attendance.contract.model.AbsenceReportReceipt;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /absence-reports} with its {@code Idempotency-Key}: a phone on a weak signal retries, and the retry
 * must return the first answer without reporting twice. The key's row is written first, in the transaction that makes
 * the reports, and completed with the answer at its end; a concurrent retry waits on the row's unique key and, once
 * the first commits, replays its answer. A request that fails (e.g. 400) leaves no row, so its retry is judged afresh.
 */
@Singleton
class AbsenceReportSubmissions {
    private static final Logger LOG = LoggerFactory.getLogger(AbsenceReportSubmissions.class);
    /** Keys are remembered at least this long; an older key may be reused for a new request. */
    static final Duration KEPT_FOR = Duration.ofHours(24);

    private final AbsenceReportService service;
    private final AbsenceReportViews views;
    private final AbsenceReportRequestRepository requests;
    private final JsonMapper json;
    private final TransactionOperations<Connection> tx;
    private final Clock clock;

    AbsenceReportSubmissions(AbsenceReportService service, AbsenceReportViews views, AbsenceReportRequestRepository requests,
                             JsonMapper json, TransactionOperations<Connection> tx, Clock clock) {
        this.service = service;
        this.views = views;
        this.requests = requests;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    /** @param replayed the answer stored for an earlier request with the same key */
    record Submitted(AbsenceReportReceipt receipt, boolean replayed) {
    }

    Submitted submit(Caller parent, Optional<String> key, AbsenceReportInput in) {
        if (key.isEmpty()) {
            return new Submitted(tx.executeWrite(status -> receipt(parent, in)), false);
        }
        String hash = hash(in);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        Optional<AbsenceReportRequestRecord> earlier = requests.findByParentIdAndIdempotencyKey(parent.id(), key.get());
        if (earlier.isPresent() && !expired(earlier.get(), now)) {
            return replay(earlier.get(), hash);
        }
        try {
            return tx.executeWrite(status -> {
                earlier.ifPresent(requests::delete);
                AbsenceReportRequestRecord claim = requests.save(new AbsenceReportRequestRecord(null, parent.id(), key.get(),
                        hash, null, null, now));
                AbsenceReportReceipt receipt = receipt(parent, in);
                requests.complete(claim.id(), HttpStatus.CREATED.getCode(), write(receipt));
                return new Submitted(receipt, false);
            });
        } catch (DataAccessException e) {
            if (!isDuplicateKey(e)) {
                throw e;
            }
            // A retry that ran alongside the first request: the first won the key; answer as it did.
            LOG.info("Parent {}: concurrent retry of an absence report replays the first answer", parent.id());
            return requests.findByParentIdAndIdempotencyKey(parent.id(), key.get())
                    .map(stored -> replay(stored, hash))
                    .orElseThrow(() -> e);
        }
    }

    private AbsenceReportReceipt receipt(Caller parent, AbsenceReportInput in) {
        return new AbsenceReportReceipt(views.views(parent, service.create(parent, in)));
    }

    private Submitted replay(AbsenceReportRequestRecord stored, String hash) {
        if (!stored.requestHash().equals(hash)) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was already used for a different request: use a new key for a new request.",
                    List.of(new FieldProblem("Idempotency-Key", "was already used for a different request")));
        }
        try {
            return new Submitted(json.readValue(stored.responseBody(), AbsenceReportReceipt.class), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean expired(AbsenceReportRequestRecord stored, LocalDateTime now) {
        return stored.createdAt().isBefore(now.minus(KEPT_FOR));
    }

    private static boolean isDuplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    /** The request as the server understood it, so that spacing or field order in the JSON makes no difference. */
    private String hash(AbsenceReportInput in) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(in)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(AbsenceReportReceipt receipt) {
        try {
            return json.writeValueAsString(receipt);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
