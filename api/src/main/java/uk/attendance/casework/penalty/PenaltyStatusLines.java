package uk.attendance.casework.penalty;

import jakarta.inject.Singleton;
import uk.attendance.auth.Caller;
import uk.attendance.contract.model.PenaltyCaseStatus;
import uk.attendance.contract.model.PenaltyStage;

import java.util.Optional;

/** The {@code penaltyCase} line of a pupil's penalty status ({@code overview/}): where the latest case stands, in plain English. */
@Singleton
public class PenaltyStatusLines {
    private final PenaltyCases cases;

    PenaltyStatusLines(PenaltyCases cases) {
        this.cases = cases;
    }

    /** For a caller already allowed to see the pupil: a parent's own case, or for staff the pupil's latest. */
    public Optional<PenaltyCaseStatus> forCaller(Caller caller, long pupilId) {
        return cases.latestFor(caller, pupilId).map(v -> new PenaltyCaseStatus(v.row().id(),
                        PenaltyStage.fromValue(v.stage().name()), v.since(), v.parentHeadline())
                .nextStepBy(v.nextStepBy().orElse(null))
                .paymentTerms(v.terms().map(PenaltyController::terms).orElse(null)));
    }
}
