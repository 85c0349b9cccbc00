package uk.attendance.leave;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.platform.ApiProblem;
import uk.attendance.pupil.PupilRecord;
import uk.attendance.evidence.EvidenceService;
import uk.attendance.pupil.PupilService;
import uk.attendance.school.SchoolService;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Leave requests as stored, who may see which, and their history. */
@Singleton
class LeaveStore {
    private final LeaveRequestRepository requests;
    private final LeaveSessionRepository sessions;
    private final LeaveEventRepository events;
    private final PupilService pupils;
    private final SchoolService schools;
    private final EvidenceService evidence;
    private final Clock clock;

    LeaveStore(LeaveRequestRepository requests, LeaveSessionRepository sessions, LeaveEventRepository events,
               PupilService pupils, SchoolService schools, EvidenceService evidence, Clock clock) {
        this.evidence = evidence;
        this.requests = requests;
        this.sessions = sessions;
        this.events = events;
        this.pupils = pupils;
        this.schools = schools;
        this.clock = clock;
    }

    /** The request when the caller may see it: a parent of the child, staff of its school (or its trust's admin); else 404. */
    LeaveRequestRecord visibleTo(Caller caller, long id) {
        return requests.findById(id)
                .filter(r -> caller.isParent() ? childrenOf(caller).contains(r.pupilId()) : staffOf(caller, r.schoolId()))
                .orElseThrow(() -> ApiProblem.notFound("No leave request " + id));
    }

    private boolean staffOf(Caller caller, long schoolId) {
        return schools.find(schoolId).map(s -> s.trustId() == caller.trustId() && caller.worksAt(s.id())).orElse(false);
    }

    /** A pupil asked for by a filter must be one the caller may see (at this school, for a school's list); else 404. */
    void requirePupil(Caller caller, long pupilId, Optional<Long> schoolId) {
        if (schoolId.isPresent()) {
            pupils.visibleAtSchool(caller, pupilId, schoolId.get());
        } else {
            pupils.visibleTo(caller, pupilId);
        }
    }

    Set<Long> childrenOf(Caller caller) {
        return pupils.childrenOf(caller.id()).stream().map(PupilRecord::id).collect(Collectors.toSet());
    }

    LeaveView view(Caller caller, LeaveRequestRecord request) {
        return views(caller, List.of(request)).get(0);
    }

    List<LeaveView> views(Caller caller, List<LeaveRequestRecord> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<Long> ids = found.stream().map(LeaveRequestRecord::id).toList();
        Map<Long, List<LeaveSessionRecord>> sessionsOf = sessions.ofRequests(ids).stream()
                .collect(Collectors.groupingBy(LeaveSessionRecord::leaveRequestId));
        Map<Long, List<LeaveEventRecord>> eventsOf = events.ofRequests(ids).stream()
                .collect(Collectors.groupingBy(LeaveEventRecord::leaveRequestId));
        Map<Long, PupilRecord> pupilsById = new HashMap<>();
        return found.stream().map(r -> new LeaveView(r,
                pupilsById.computeIfAbsent(r.pupilId(), id -> pupils.visibleTo(caller, id)),
                sessionsOf.getOrDefault(r.id(), List.of()), eventsOf.getOrDefault(r.id(), List.of()),
                evidence.attachedTo(LeaveView.evidenceSubject(r.id())))).toList();
    }

    List<LeaveSessionRecord> sessionsOf(long requestId) {
        return sessions.ofRequests(List.of(requestId));
    }

    void record(long requestId, LeaveEventKind kind, String byName, String byPosition, Optional<String> note) {
        events.save(new LeaveEventRecord(null, requestId, kind, now(), byName, byPosition, note.orElse(null)));
    }

    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }
}
