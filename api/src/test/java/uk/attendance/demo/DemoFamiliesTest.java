package uk.attendance.demo;

import org.junit.jupiter.api.Test;
import uk.attendance.school.SchoolYear;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DemoFamiliesTest {
    private static final SchoolYear YEAR = new SchoolYear(2025);
    private static final LocalDate TODAY = LocalDate.parse("2025-11-20");

    @Test
    void theSamePeopleEveryRun() {
        assertEquals(DemoFamilies.plan(YEAR, TODAY), DemoFamilies.plan(YEAR, TODAY));
    }

    @Test
    void onePupilPerPlaceAndDatesOfBirthMatchTheYearGroup() {
        List<DemoPupil> pupils = DemoFamilies.plan(YEAR, TODAY).stream().flatMap(f -> f.children().stream()).toList();
        Map<DemoSchool, Long> perSchool = pupils.stream().collect(Collectors.groupingBy(DemoPupil::school, Collectors.counting()));
        assertEquals(Map.of(DemoSchool.OAKFIELD, 150L, DemoSchool.RIVERSIDE, 150L), perSchool);
        for (DemoPupil p : pupils) {
            int yearGroup = p.input().getYearGroup();
            LocalDate cohortStart = LocalDate.of(2025 - 5 - yearGroup, 9, 1);
            LocalDate dob = p.input().getDateOfBirth();
            assertTrue(!dob.isBefore(cohortStart) && dob.isBefore(cohortStart.plusYears(1)), p.key() + " born " + dob);
            assertTrue(p.input().getRegistrationGroup().matches("[R1-9][0-9]?[A-Z]"), p.input().getRegistrationGroup());
            assertTrue(p.input().getUpn().matches("[A-Z][0-9]{12}"), p.input().getUpn());
        }
        assertEquals(pupils.size(), pupils.stream().map(p -> p.input().getUpn()).distinct().count());
        assertEquals(2, pupils.stream().filter(p -> p.profile() == AttendanceProfile.SEVERE).count());
        assertEquals(2, pupils.stream().filter(p -> p.input().getLeavingDate() != null).count());
        assertTrue(pupils.stream().anyMatch(p -> p.input().getAdmissionDate().isAfter(LocalDate.parse("2025-09-03"))));
    }

    @Test
    void carersUseDramaNumbersAndTheFirstFamilyHasAChildInEachSchool() {
        List<DemoFamily> families = DemoFamilies.plan(YEAR, TODAY);
        Set<String> mobiles = families.stream().flatMap(f -> f.carers().stream()).map(DemoCarer::mobile).collect(Collectors.toSet());
        assertTrue(mobiles.stream().allMatch(m -> m.matches("\\+447700900\\d{3}")));
        assertTrue(mobiles.containsAll(List.of(DemoFamilies.BOTH_SCHOOLS_MOBILE, DemoFamilies.PRIMARY_MOBILE, DemoFamilies.SECONDARY_MOBILE)));
        assertEquals(Set.of(DemoSchool.OAKFIELD, DemoSchool.RIVERSIDE),
                families.get(0).children().stream().map(DemoPupil::school).collect(Collectors.toSet()));
        Map<String, Long> languages = families.stream().flatMap(f -> f.carers().stream())
                .collect(Collectors.groupingBy(DemoCarer::language, Collectors.counting()));
        assertTrue(languages.keySet().containsAll(Set.of("en", "pl", "ur", "ro")), languages.toString());
        assertTrue(families.stream().anyMatch(DemoFamily::termTimeHoliday));
        // Each carer belongs to one family: siblings share carers, families never do.
        Map<String, Long> familiesPerMobile = families.stream().flatMap(f -> f.carers().stream().map(DemoCarer::mobile).distinct())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertTrue(familiesPerMobile.values().stream().allMatch(n -> n == 1));
    }
}
