package uk.attendance.staff;

import io.micronaut.context.ApplicationContext;
import uk.attendance.Application;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * {@code java -jar api.jar create-admin --email admin@trust.example.org --trust-name "Oak Learning Trust"
 * --password-file /run/secrets/admin-password} (or the password on standard input): the first trust administrator of
 * a database without the demo trust, who then creates schools and staff over the API. Starts the application context
 * without the HTTP server, the demo trust or any background job, creates the account and exits.
 * Exit codes: 0 created, 1 refused (email taken, weak password…), 2 wrong usage.
 */
public final class CreateAdminCommand {
    public static final String NAME = "create-admin";

    private CreateAdminCommand() {
    }

    /** @return the process exit code */
    public static int run(String[] args) {
        return run(args, System.in, System.out, System.err, Map.of());
    }

    /** @param properties extra configuration (tests) */
    static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err, Map<String, Object> properties) {
        CreateAdminOptions options;
        String password;
        try {
            options = CreateAdminOptions.parse(Arrays.asList(args).subList(1, args.length));
            password = readPassword(options, stdin);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(CreateAdminOptions.USAGE);
            return 2;
        }
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "attendance.demo.enabled", "false",
                "attendance.followup.morning.scheduled", "false",
                "attendance.followup.holding-code.scheduled", "false",
                "attendance.outbox.poller", "false"));
        settings.putAll(properties);
        try (ApplicationContext context = ApplicationContext.builder(Application.class).properties(settings).start()) {
            FirstAdmin.Created created;
            try {
                created = context.getBean(FirstAdmin.class).create(options.email(), options.name(), options.trustName(), password);
            } catch (FirstAdmin.Refused e) {
                err.println("Not created: " + e.getMessage());
                return 1;
            }
            out.printf("%s trust \"%s\" (id %d).%n", created.trustCreated() ? "Created" : "Using", created.trust().name(),
                    created.trust().id());
            out.printf("Trust administrator %s created (staff id %d): sign in with POST /auth/staff/login, then create"
                    + " schools (POST /schools) and staff (POST /staff).%n", created.admin().email(), created.admin().id());
            return 0;
        }
    }

    private static String readPassword(CreateAdminOptions options, InputStream stdin) {
        try {
            Optional<String> line = options.passwordFile().isPresent()
                    ? Files.readAllLines(options.passwordFile().get(), StandardCharsets.UTF_8).stream().findFirst()
                    : Optional.ofNullable(new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine());
            return line.map(CreateAdminCommand::withoutLineEnd).filter(s -> !s.isEmpty()).orElseThrow(
                    () -> new IllegalArgumentException("No password given: put it in --password-file or on standard input"));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read the password: " + e.getMessage());
        }
    }

    private static String withoutLineEnd(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
