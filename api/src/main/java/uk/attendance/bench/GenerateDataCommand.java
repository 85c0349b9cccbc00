package uk.attendance.bench;

import io.micronaut.context.ApplicationContext;
import uk.attendance.Application;
import uk.attendance.platform.ApiProblem;
import uk.attendance.school.SchoolYear;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code java -jar api.jar generate-data --schools 20 --pupils 500 --year 2025-26}: builds a generated
 * trust into the configured database (embedded MariaDB unless DATASOURCES_DEFAULT_URL is set) without
 * starting the HTTP server or the demo trust, prints what it built and exits.
 */
public final class GenerateDataCommand {
    public static final String NAME = "generate-data";

    private GenerateDataCommand() {
    }

    /** @return the process exit code */
    public static int run(String[] args) {
        try (ApplicationContext context = ApplicationContext.builder(Application.class)
                // nothing but the generator: no demo trust, and no morning follow-up closing registers meanwhile
                .properties(Map.of("attendance.demo.enabled", "false", "attendance.followup.morning.scheduled", "false"))
                .start()) {
            SchoolYear current = SchoolYear.containing(LocalDate.now(context.getBean(Clock.class).withZone(ZoneId.of("Europe/London"))));
            GenerateDataOptions options;
            try {
                options = GenerateDataOptions.parse(Arrays.asList(args).subList(1, args.length), current);
            } catch (IllegalArgumentException e) {
                System.err.println(e.getMessage());
                System.err.println(GenerateDataOptions.USAGE);
                return 2;
            }
            System.out.printf("Generating %d schools x %d pupils with %s registers...%n",
                    options.schools(), options.pupilsPerSchool(), options.year().label());
            GeneratedTrust trust;
            try {
                trust = context.getBean(TrustGenerator.class).generate(options);
            } catch (IllegalArgumentException | ApiProblem e) {
                System.err.println("Not generated: " + e.getMessage());
                return 1;
            }
            System.out.printf("Generated trust %d in %d s: %d schools, %d pupils, %d parents/carers, %d staff, %d marks (%s)%n",
                    trust.trustId(), trust.took().toSeconds(), trust.schoolIds().size(), trust.pupils(), trust.contacts(),
                    trust.staff(), trust.marks(), trust.steps().entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue().toMillis() + " ms").collect(Collectors.joining(", ")));
            if (options.unmarkedToday() >= 0) {
                System.out.printf("This morning's register is taken for all but %d pupils of each school%s%n",
                        options.unmarkedToday(), options.staffDevices() ? "; every school staff member has a push device" : "");
            }
            System.out.println("Staff sign in with password " + options.password() + ":");
            trust.signIns().forEach(s -> System.out.println("  " + s));
            return 0;
        }
    }
}
