package uk.attendance.casework.penalty;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.contract.model.PenaltyCaseStatus;
import uk.attendance.contract.model.PenaltyStage;
import uk.attendance.overview.PenaltyCaseLine;

import java.util.Optional;

/** The {@code penaltyCase} line of a pupil's penalty status ({@code overview/}): where the latest case stands, in plain English. */
@Singleton
public class PenaltyStatusLines implements PenaltyCaseLine {
    private final PenaltyCases cases;

    PenaltyStatusLines(PenaltyCases cases) {
        this.cases = cases;
    }

    @Override
    public Optional<PenaltyCaseStatus> forCaller(Caller caller, long pupilId) {
        return cases.latestFor(caller, pupilId).map(v -> new PenaltyCaseStatus(v.row().id(),
                        PenaltyStage.fromValue(v.stage().name()), v.since(), v.parentHeadline())
                .nextStepBy(v.nextStepBy().orElse(null))
                .paymentTerms(v.terms().map(PenaltyController::terms).orElse(null)));
    }
}
