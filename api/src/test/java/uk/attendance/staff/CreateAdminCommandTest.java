package uk.attendance.staff;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.attendance.caller.Caller;
import uk.attendance.caller.Roles;
import uk.attendance.auth.SignInFixture;
import uk.attendance.contract.model.School;
import uk.attendance.contract.model.TokenPair;
import uk.attendance.platform.ProductionSafetyCheck;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code create-admin} against the test database, as an operator runs it on a database without demo data; then the
 * new administrator signs in over HTTP.
 */
@MicronautTest(transactional = false)
class CreateAdminCommandTest {
    private static final String PASSWORD = "correct horse battery staple";

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    SignInFixture fixture;

    @TempDir
    Path dir;

    @Test
    void theNewTrustAdministratorSignsInAndWorksTrustWide() {
        String email = "admin-" + UUID.randomUUID() + "@trust.example.org";
        String trustName = "Trust " + UUID.randomUUID();

        Run run = run(PASSWORD + "\n", "--email", email, "--trust-name", trustName, "--name", "Alex Admin");

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Created trust \"" + trustName + "\""), run.out());
        assertTrue(run.out().contains("Trust administrator " + email + " created"), run.out());
        assertTrue(!run.out().contains(PASSWORD) && !run.err().contains(PASSWORD), "the password is never printed");
        TokenPair tokens = client.toBlocking().retrieve(HttpRequest.POST("/auth/staff/login",
                Map.of("email", email, "password", PASSWORD)), TokenPair.class);
        Caller admin = fixture.callerOf(tokens.getAccessToken());
        long trustId = (Long) fixture.rows("SELECT id FROM trust WHERE name = ?", trustName).get(0).get("id");
        assertEquals(new Caller(Caller.Kind.STAFF, admin.id(), trustId, Optional.empty(), Set.of(Roles.TRUST_ADMIN),
                "Alex Admin", CreateAdminOptions.DEFAULT_NAME), admin);
        // a trust admin with no schools yet: the way in to create them
        assertEquals(List.of(), client.toBlocking().retrieve(HttpRequest.GET("/schools").bearerAuth(tokens.getAccessToken()),
                Argument.listOf(School.class)));
    }

    @Test
    void aSecondAdministratorOfTheSameTrustNameJoinsThatTrustAndReadsThePasswordFromAFile() throws IOException {
        String trustName = "Trust " + UUID.randomUUID();
        assertEquals(0, run(PASSWORD, "--email", "first-" + UUID.randomUUID() + "@trust.example.org", "--trust-name", trustName).exit());
        Path passwordFile = Files.writeString(dir.resolve("admin-password"), "another long password\n");
        String second = "second-" + UUID.randomUUID() + "@trust.example.org";

        Run run = run("", "--email", second, "--trust-name", trustName, "--password-file", passwordFile.toString());

        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("Using trust \"" + trustName + "\""), run.out());
        assertEquals(1, fixture.rows("SELECT id FROM trust WHERE name = ?", trustName).size());
        assertEquals(200, client.toBlocking().exchange(HttpRequest.POST("/auth/staff/login",
                Map.of("email", second, "password", "another long password")), TokenPair.class).code());
    }

    @Test
    void anEmailThatIsTakenChangesNothing() {
        String email = "taken-" + UUID.randomUUID() + "@trust.example.org";
        String trustName = "Trust " + UUID.randomUUID();
        assertEquals(0, run(PASSWORD, "--email", email, "--trust-name", trustName).exit());
        String otherTrust = "Trust " + UUID.randomUUID();

        Run again = run("a different password", "--email", email.toUpperCase(), "--trust-name", otherTrust);

        assertEquals(1, again.exit());
        assertTrue(again.err().contains("already exists") && again.err().contains("nothing changed"), again.err());
        assertEquals(List.of(), fixture.rows("SELECT id FROM trust WHERE name = ?", otherTrust), "no trust made either");
        assertEquals(200, client.toBlocking().exchange(HttpRequest.POST("/auth/staff/login",
                Map.of("email", email, "password", PASSWORD)), TokenPair.class).code(), "the first password still works");
    }

    @Test
    void weakPasswordsAndTheDemoPasswordAreRefused() {
        for (String password : List.of("short-pass1", ProductionSafetyCheck.DEFAULT_DEMO_PASSWORD)) {
            String email = "weak-" + UUID.randomUUID() + "@trust.example.org";

            Run run = run(password, "--email", email, "--trust-name", "Trust " + UUID.randomUUID());

            assertEquals(1, run.exit(), password);
            assertTrue(run.err().contains("at least 12 characters") || run.err().contains("demo password"), run.err());
            assertEquals(List.of(), fixture.rows("SELECT id FROM staff_user WHERE email = ?", email));
        }
    }

    @Test
    void aPasswordOnTheCommandLineOrNoEmailIsAUsageError() {
        Run withPassword = run("", "--email", "a@b.example.org", "--password", PASSWORD);
        Run withoutEmail = run(PASSWORD, "--trust-name", "Oak");
        Run withoutPassword = run("", "--email", "a@b.example.org");

        assertEquals(2, withPassword.exit());
        assertTrue(withPassword.err().contains("--password is not accepted"), withPassword.err());
        assertEquals(2, withoutEmail.exit());
        assertTrue(withoutEmail.err().contains("--email is required"), withoutEmail.err());
        assertEquals(2, withoutPassword.exit());
        assertTrue(withoutPassword.err().contains("No password given"), withoutPassword.err());
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(String stdin, String... options) {
        String[] args = new String[options.length + 1];
        args[0] = CreateAdminCommand.NAME;
        System.arraycopy(options, 0, args, 1, options.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = CreateAdminCommand.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
