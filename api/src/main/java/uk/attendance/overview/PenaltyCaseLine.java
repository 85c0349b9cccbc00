package uk.attendance.overview;

import uk.attendance.caller.Caller;
import uk.attendance.contract.model.PenaltyCaseStatus;

import java.util.Optional;

/**
 * The {@code penaltyCase} line of a pupil's penalty status: where the pupil's latest penalty case stands. The casework
 * feature implements it, so the overview does not depend on casework (casework reads the overview's figures).
 */
public interface PenaltyCaseLine {
    /** For a caller already allowed to see the pupil: a parent's own case, or for staff the pupil's latest. */
    Optional<PenaltyCaseStatus> forCaller(Caller caller, long pupilId);
}
