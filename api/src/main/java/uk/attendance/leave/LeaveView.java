package uk.attendance.leave;

import uk.attendance.evidence.EvidenceFileRecord;
import uk.attendance.pupil.PupilRecord;

import java.util.List;

/** A leave request with everything the apps show: the child, its sessions and its history. */
record LeaveView(LeaveRequestRecord request, PupilRecord pupil, List<LeaveSessionRecord> sessions,
                 List<LeaveEventRecord> events, List<EvidenceFileRecord> evidence) {

    static String evidenceSubject(long requestId) {
        return "leave-request:" + requestId;
    }

    long schoolDays() {
        return sessions.stream().map(LeaveSessionRecord::sessionDate).distinct().count();
    }
}
