package uk.attendance.demo;

import uk.attendance.contract.model.Gender;
import uk.attendance.contract.model.PupilInput;
import uk.attendance.contract.model.SendStatus;
import uk.attendance.contract.model.SocialWorker;
import uk.attendance.school.SchoolYear;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo trust's families, generated from fixed name lists with a seeded {@link Random}, so every
 * run for the same academic year and day plans the same people. Families 0–2 are the ones named in
 * the sign-in banner; family 0 has a child in each school.
 */
public final class DemoFamilies {
    /** Ofcom's drama range +447700900000–999: numbers that belong to nobody, so no real person is texted. */
    static final String BOTH_SCHOOLS_MOBILE = mobile(1);
    static final String PRIMARY_MOBILE = mobile(2);
    static final String SECONDARY_MOBILE = mobile(3);

    private static final String CHECK_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
    private static final List<String> SOCIAL_WORKERS = List.of("Joanne Pike", "Marcus Reid", "Bethan Lloyd", "Femi Adeyemi");

    private enum Household { TWO_PARENTS, SEPARATED, SINGLE_MOTHER, SINGLE_FATHER, WITH_GRANDMOTHER, WITH_STEPFATHER, FOSTER }

    private final SchoolYear year;
    private final LocalDate pupilsFirstDay;
    private final LocalDate today;
    private final FamilyScale scale;
    private final Random random;
    private final Map<Integer, Integer> places = new LinkedHashMap<>();
    private final Map<Integer, Integer> placed = new LinkedHashMap<>();
    private final Map<DemoSchool, Integer> serials = new EnumMap<>(DemoSchool.class);
    private int nextMobile;
    private int nextKey = 1;

    private DemoFamilies(SchoolYear year, LocalDate today, FamilyScale scale) {
        this.year = year;
        this.pupilsFirstDay = EnglishSchoolYear.pupilsFirstDay(year.startYear());
        this.today = today;
        this.scale = scale;
        this.random = new Random(scale.seed());
        this.nextMobile = 10 + scale.pairIndex() * 7;
        for (DemoSchool school : DemoSchool.values()) {
            int n = school.yearGroups.size();
            int pupils = scale.pupilsPerSchool();
            for (int i = 0; i < n; i++) {
                places.put(school.yearGroups.get(i), pupils / n + (i < pupils % n ? 1 : 0));
            }
        }
    }

    static List<DemoFamily> plan(SchoolYear year, LocalDate today) {
        return plan(year, today, FamilyScale.DEMO);
    }

    /** The families of one primary + secondary pair at the given scale; the demo trust is {@link FamilyScale#DEMO}. */
    public static List<DemoFamily> plan(SchoolYear year, LocalDate today, FamilyScale scale) {
        return new DemoFamilies(year, today, scale).plan();
    }

    /** Only 1000 drama numbers exist, so at larger scales several carers share one (and so one contact). */
    static String mobile(int n) {
        return String.format("+447700900%03d", n % 1000);
    }

    private final class Child {
        final int key = nextKey++;
        final DemoSchool school;
        final PupilInput input;
        AttendanceProfile profile;

        Child(DemoSchool school, PupilInput input) {
            this.school = school;
            this.input = input;
        }
    }

    private record Draft(int index, List<DemoCarer> carers, List<Child> children, boolean holiday) {
    }

    private List<DemoFamily> plan() {
        List<Draft> drafts = new ArrayList<>();
        drafts.add(featured(0, BOTH_SCHOOLS_MOBILE, List.of(4, 9), List.of(AttendanceProfile.TYPICAL, AttendanceProfile.PERSISTENT)));
        drafts.add(featured(1, PRIMARY_MOBILE, List.of(2), List.of(AttendanceProfile.CONCERN)));
        drafts.add(featured(2, SECONDARY_MOBILE, List.of(10), List.of(AttendanceProfile.STRONG)));
        while (placesLeft() > 0) {
            int index = drafts.size();
            Household household = index % 40 == 20 ? Household.FOSTER : household();
            Heritage heritage = heritage();
            int size = household == Household.FOSTER ? 1 : siblings();
            String surname = pick(heritage.surnames);
            List<Integer> years = yearGroups(size);
            List<Child> children = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int yearGroup : years) {
                children.add(child(heritage, surname, yearGroup, household == Household.FOSTER, names));
            }
            drafts.add(new Draft(index, carers(household, heritage, surname), children, index % 23 == 5));
        }
        shape(drafts);
        return drafts.stream()
                .map(d -> new DemoFamily(d.index(), d.carers(), d.children().stream()
                        .map(c -> new DemoPupil(c.key, c.school, c.input, c.profile)).toList(), d.holiday()))
                .toList();
    }

    private Draft featured(int index, String mobile, List<Integer> years, List<AttendanceProfile> profiles) {
        Heritage heritage = Heritage.ENGLISH;
        String surname = heritage.surnames.get(index * 7 % heritage.surnames.size());
        List<DemoCarer> carers = new ArrayList<>(carers(index == 1 ? Household.SINGLE_MOTHER : Household.TWO_PARENTS, heritage, surname));
        DemoCarer first = carers.get(0);
        carers.set(0, new DemoCarer(first.firstName(), first.lastName(), mobile, first.email(), "en",
                first.relationship(), true, true));
        List<Child> children = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < years.size(); i++) {
            take(years.get(i));
            Child child = child(heritage, surname, years.get(i), false, names);
            child.profile = profiles.get(i);
            children.add(child);
        }
        return new Draft(index, carers, children, false);
    }

    /** Severe and persistent absentees, leavers, in-year admissions and everyone else's profile. */
    private void shape(List<Draft> drafts) {
        List<Child> others = new ArrayList<>(drafts.stream().skip(3).flatMap(d -> d.children().stream()).toList());
        Collections.shuffle(others, random);
        long elapsed = ChronoUnit.DAYS.between(pupilsFirstDay, today);
        for (DemoSchool school : DemoSchool.values()) {
            List<Child> inSchool = others.stream().filter(c -> c.school == school).toList();
            Child severe = inSchool.get(0);
            severe.profile = AttendanceProfile.SEVERE;
            severe.input.childInNeed(true);
            if (severe.input.getSocialWorker() == null) {
                severe.input.socialWorker(socialWorker(severe.key));
            }
            if (elapsed >= 15) {
                Child leaver = inSchool.get(1);
                leaver.input.leavingDate(pupilsFirstDay.plusDays(elapsed * 45 / 100));
                // In-year admissions 30–70 % of the way to today, so each has enough sessions for a fair percentage.
                for (int i = 2; i < 7; i++) {
                    inSchool.get(i).input.admissionDate(pupilsFirstDay.plusDays(elapsed * (10 + 10 * i) / 100));
                }
            }
        }
        int n = others.size();
        for (int i = 0; i < n; i++) {
            Child c = others.get(i);
            if (c.profile != null) {
                continue;
            }
            double rank = (double) i / n;
            c.profile = rank < 0.08 ? AttendanceProfile.PERSISTENT
                    : rank < 0.28 ? AttendanceProfile.CONCERN
                    : rank < 0.63 ? AttendanceProfile.STRONG
                    : AttendanceProfile.TYPICAL;
        }
    }

    private Child child(Heritage heritage, String surname, int yearGroup, boolean lookedAfter, Set<String> siblingNames) {
        DemoSchool school = DemoSchool.forYearGroup(yearGroup);
        boolean girl = random.nextBoolean();
        String first;
        do {
            first = pick(girl ? heritage.girls : heritage.boys);
        } while (!siblingNames.add(first));
        // Born between 1 September and 31 August of the cohort's year.
        LocalDate cohortStart = LocalDate.of(year.startYear() - 5 - yearGroup, Month.SEPTEMBER, 1);
        LocalDate dateOfBirth = cohortStart.plusDays(random.nextInt(365));
        int yearsInSchool = school.isPrimary() ? yearGroup : yearGroup - 7;
        LocalDate admitted = LocalDate.of(year.startYear() - yearsInSchool, Month.SEPTEMBER, 1);
        List<String> groups = school.groups(yearGroup);
        String group = groups.get(placed.merge(yearGroup, 1, Integer::sum) % groups.size());
        Child child = new Child(school, new PupilInput(first, surname, dateOfBirth, yearGroup, group, admitted));
        double send = random.nextDouble();
        boolean childProtection = !lookedAfter && random.nextDouble() < 0.012;
        boolean childInNeed = !lookedAfter && !childProtection && random.nextDouble() < 0.02;
        child.input
                .upn(upn(school, scale.pairIndex(), admitted.getYear(), serials.merge(school, 1, Integer::sum)))
                .gender(girl ? Gender.F : Gender.M)
                .preferredFirstName(shortName(first))
                .pupilPremium(lookedAfter || random.nextDouble() < 0.22)
                .eal(heritage != Heritage.ENGLISH)
                .sendStatus(send < 0.025 ? SendStatus.EHCP : send < 0.155 ? SendStatus.SEN_SUPPORT : SendStatus.NONE)
                .lookedAfter(lookedAfter)
                .childProtection(childProtection)
                .childInNeed(childInNeed);
        if (lookedAfter || childProtection || childInNeed) {
            child.input.socialWorker(socialWorker(child.key));
        }
        return child;
    }

    private List<DemoCarer> carers(Household household, Heritage heritage, String surname) {
        List<DemoCarer> carers = new ArrayList<>();
        String mumSurname = random.nextDouble() < 0.15 ? pick(heritage.surnames) : surname;
        switch (household) {
            case TWO_PARENTS -> {
                carers.add(carer(heritage.women, mumSurname, heritage, "Mother", true, true));
                carers.add(carer(heritage.men, surname, heritage, "Father", true, true));
                if (random.nextDouble() < 0.25) {
                    Collections.reverse(carers);
                }
            }
            case SEPARATED -> {
                carers.add(carer(heritage.women, mumSurname, heritage, "Mother", true, true));
                carers.add(carer(heritage.men, surname, heritage, "Father", true, false));
            }
            case SINGLE_MOTHER -> carers.add(carer(heritage.women, mumSurname, heritage, "Mother", true, true));
            case SINGLE_FATHER -> carers.add(carer(heritage.men, surname, heritage, "Father", true, true));
            case WITH_GRANDMOTHER -> {
                carers.add(carer(heritage.women, mumSurname, heritage, "Mother", true, true));
                carers.add(carer(heritage.women, surname, heritage, "Grandmother", false, false));
            }
            case WITH_STEPFATHER -> {
                carers.add(carer(heritage.women, mumSurname, heritage, "Mother", true, true));
                carers.add(carer(heritage.men, pick(heritage.surnames), heritage, "Stepfather", false, true));
            }
            case FOSTER -> carers.add(carer(Heritage.ENGLISH.women, pick(Heritage.ENGLISH.surnames), Heritage.ENGLISH,
                    "Foster carer", false, true));
        }
        return carers;
    }

    private DemoCarer carer(List<String> firstNames, String lastName, Heritage heritage, String relationship,
                            boolean parentalResponsibility, boolean livesWith) {
        String first = pick(firstNames);
        int number = nextMobile++;
        String language = heritage == Heritage.ENGLISH || random.nextDouble() < 0.35 ? "en" : heritage.language;
        String email = random.nextDouble() < 0.1 ? null
                : ascii(first) + "." + ascii(lastName) + (number % 3 == 0 ? String.valueOf(number) : "")
                + (number % 2 == 0 ? "@example.com" : "@example.org");
        return new DemoCarer(first, lastName, mobile(number), email, language, relationship, parentalResponsibility, livesWith);
    }

    private SocialWorker socialWorker(int key) {
        String name = SOCIAL_WORKERS.get(key % SOCIAL_WORKERS.size());
        // 0117 496 0xxx is Ofcom's drama range for Bristol landlines.
        return new SocialWorker(name).phone(String.format("+441174960%03d", key % 1000))
                .email(ascii(name.split(" ")[0]) + "." + ascii(name.split(" ")[1]) + "@childrens-services.example.org");
    }

    private Household household() {
        double r = random.nextDouble();
        return r < 0.55 ? Household.TWO_PARENTS : r < 0.70 ? Household.SEPARATED : r < 0.88 ? Household.SINGLE_MOTHER
                : r < 0.93 ? Household.SINGLE_FATHER : r < 0.97 ? Household.WITH_GRANDMOTHER : Household.WITH_STEPFATHER;
    }

    private Heritage heritage() {
        double r = random.nextDouble();
        return r < 0.80 ? Heritage.ENGLISH : r < 0.88 ? Heritage.POLISH : r < 0.95 ? Heritage.PAKISTANI : Heritage.ROMANIAN;
    }

    private int siblings() {
        double r = random.nextDouble();
        return r < 0.55 ? 1 : r < 0.88 ? 2 : 3;
    }

    /** Year groups for a family's children: the first weighted by free places, siblings 1–5 years apart. */
    private List<Integer> yearGroups(int size) {
        List<Integer> years = new ArrayList<>();
        int first = weightedFreeYear();
        take(first);
        years.add(first);
        while (years.size() < size) {
            List<Integer> candidates = places.keySet().stream()
                    .filter(y -> places.get(y) > 0 && !years.contains(y))
                    .filter(y -> years.stream().allMatch(o -> Math.abs(o - y) <= 5))
                    .toList();
            if (candidates.isEmpty()) {
                break;
            }
            int next = candidates.get(random.nextInt(candidates.size()));
            take(next);
            years.add(next);
        }
        return years;
    }

    private int weightedFreeYear() {
        int ticket = random.nextInt(placesLeft());
        for (var e : places.entrySet()) {
            ticket -= e.getValue();
            if (ticket < 0) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("no free places");
    }

    private void take(int yearGroup) {
        places.merge(yearGroup, -1, Integer::sum);
    }

    private int placesLeft() {
        return places.values().stream().mapToInt(Integer::intValue).sum();
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String shortName(String first) {
        return switch (first) {
            case "Alexander" -> "Alex";
            case "Oliver" -> "Ollie";
            case "Thomas" -> "Tom";
            case "Isabella" -> "Bella";
            case "Alexandru" -> "Alex";
            default -> null;
        };
    }

    /** A unique pupil number: check letter, LA, establishment, year allocated, serial (DfE UPN format). */
    private static String upn(DemoSchool school, int pair, int allocatedYear, int serial) {
        String body = "938" + ((school.isPrimary() ? 2001 : 4001) + pair) + String.format("%02d%03d", allocatedYear % 100, serial);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            sum += (body.charAt(i) - '0') * (i + 2);
        }
        return CHECK_LETTERS.charAt(sum % 23) + body;
    }

    private static String ascii(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("'", "")
                .replace("ł", "l").replace("Ł", "L").toLowerCase(Locale.ROOT);
    }
}
