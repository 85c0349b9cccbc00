package uk.attendance.school;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import uk.attendance.contract.model.CalendarConflictProblem;
import uk.attendance.contract.model.MarkedDay;
import uk.attendance.contract.model.Session;
import uk.attendance.platform.ProblemResponses;

import java.util.stream.Collectors;

/** The HTTP edge of {@link SessionsHoldMarks}: 409 problem+json listing the dates (the first 50) and the totals. */
@Singleton
@Produces
class SessionsHoldMarksHandler implements ExceptionHandler<SessionsHoldMarks, HttpResponse<CalendarConflictProblem>> {
    static final int LISTED = 50;
    private static final int IN_DETAIL = 5;

    @Override
    public HttpResponse<CalendarConflictProblem> handle(HttpRequest request, SessionsHoldMarks refused) {
        var days = refused.days();
        String named = days.stream().limit(IN_DETAIL)
                .map(d -> d.date() + " (" + d.sessions().stream().map(Enum::name).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", ")) + (days.size() > IN_DETAIL ? " and " + (days.size() - IN_DETAIL) + " more" : "");
        CalendarConflictProblem problem = new CalendarConflictProblem(ProblemResponses.TYPE_BASE + "sessions-hold-marks",
                "Sessions hold register marks", HttpStatus.CONFLICT.getCode(),
                days.stream().limit(LISTED).map(d -> new MarkedDay(d.date(),
                        d.sessions().stream().map(s -> Session.fromValue(s.name())).toList(), d.marks())).toList(),
                days.size(), refused.marks())
                .detail("The register holds " + refused.marks() + (refused.marks() == 1 ? " mark" : " marks") + " on "
                        + days.size() + (days.size() == 1 ? " date" : " dates") + " that this " + refused.academicYear()
                        + " calendar would make non-school sessions: " + named + ". Registers are kept, never deleted,"
                        + " so keep those sessions; an unexpected closure stays a session (UNEXPECTED_CLOSURE, Y4).")
                .instance(request.getPath());
        return HttpResponse.<CalendarConflictProblem>status(HttpStatus.CONFLICT).body(problem)
                .contentType(ProblemResponses.PROBLEM_JSON);
    }
}
