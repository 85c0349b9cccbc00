package uk.attendance.followup;

import jakarta.inject.Singleton;
import uk.attendance.caller.Caller;
import uk.attendance.platform.ApiProblem;
import uk.attendance.platform.ApiProblem.FieldProblem;
import uk.attendance.school.SchoolRecord;
import uk.attendance.school.SchoolService;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/** When a school's morning follow-up runs: the register close comes from the school, text and call times are set here. */
@Singleton
class FollowUpSettingsService {
    private final SchoolService schools;

    FollowUpSettingsService(SchoolService schools) {
        this.schools = schools;
    }

    SchoolRecord settings(Caller caller, long schoolId) {
        return schools.forStaff(caller, schoolId);
    }

    SchoolRecord update(Caller caller, long schoolId, LocalTime textTime, LocalTime callTime) {
        SchoolRecord school = schools.forStaff(caller, schoolId);
        LocalTime registerCloses = registerCloses(school);
        List<FieldProblem> problems = new ArrayList<>();
        if (textTime.isBefore(registerCloses)) {
            problems.add(new FieldProblem("textTime", "must be at or after the morning register closes (" + registerCloses
                    + "): before then no absence is unexplained yet"));
        }
        if (!callTime.isAfter(textTime)) {
            problems.add(new FieldProblem("callTime", "must be after the text time (" + textTime + "), to leave time to reply"));
        }
        if (!callTime.isBefore(school.amSessionEnds())) {
            problems.add(new FieldProblem("callTime", "must be before the morning session ends (" + school.amSessionEnds() + ")"));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.invalid(problems);
        }
        return schools.setFollowUpTimes(school, textTime, callTime);
    }

    static LocalTime registerCloses(SchoolRecord school) {
        return school.amRegisterOpens().plusMinutes(school.registerOpenMinutes());
    }
}
