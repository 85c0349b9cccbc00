package uk.attendance.auth;

import uk.attendance.caller.Caller;
import uk.attendance.staff.PasswordHasher;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test data for sign-in, written with plain SQL. Every value is unique, because all test classes of a run share
 * one database. Other features' tests may use it too ({@code @Inject SignInFixture}), in a
 * {@code @MicronautTest(transactional = false)} class: otherwise the rows stay in the test's open transaction and
 * the server, which answers on other threads, does not see them.
 */
@Singleton
public class SignInFixture {
    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(100_000_000L, 800_000_000L));
    private final DataSource dataSource;
    private final PasswordHasher passwords;
    private final TokenIssuer tokens;
    private final TokenValidator<HttpRequest<?>> validator;

    SignInFixture(DataSource dataSource, PasswordHasher passwords, TokenIssuer tokens, TokenValidator<HttpRequest<?>> validator) {
        // The injected DataSource only hands out the connection of a surrounding transaction; these writes commit at once.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.passwords = passwords;
        this.tokens = tokens;
        this.validator = validator;
    }

    public record Parent(long id, long trustId, String mobile, String firstName, String lastName) {
        /** The number as a person types it, e.g. {@code 07700 912345}. */
        public String typed() {
            return "0" + mobile.substring(3, 7) + " " + mobile.substring(7);
        }
    }

    public record Staff(long id, long trustId, String email, String password) {
    }

    /** A never-used UK mobile number in E.164 form. */
    public static String uniqueMobile() {
        return "+447" + NEXT.incrementAndGet();
    }

    /**
     * A never-used client address (IPv6, documentation range) in the form the app stores it, for
     * {@code X-Forwarded-For} in tests whose test client is a trusted proxy:
     * {@code @Property(name = "attendance.trusted-proxies", value = SignInFixture.TEST_CLIENT_IS_A_PROXY)}.
     */
    public static String uniqueClient() {
        long n = NEXT.incrementAndGet();
        return "2001:db8:0:0:0:%x:%x:%x".formatted((n >>> 32) & 0xffff, (n >>> 16) & 0xffff, n & 0xffff);
    }

    /** The addresses the test's HTTP client connects from. */
    public static final String TEST_CLIENT_IS_A_PROXY = "127.0.0.1, ::1";

    public long trust() {
        return insert("INSERT INTO trust (name, created_at) VALUES (?, ?)", "Test trust " + UUID.randomUUID(), now());
    }

    public Parent parent() {
        return parentIn(trust());
    }

    /** A parent/carer of an existing trust. */
    public Parent parentIn(long trust) {
        String mobile = uniqueMobile();
        long id = insert("INSERT INTO contact (trust_id, first_name, last_name, mobile, created_at) VALUES (?, ?, ?, ?, ?)",
                trust, "Pat", "Parent", mobile, now());
        return new Parent(id, trust, mobile, "Pat", "Parent");
    }

    /** A staff member of the whole trust (no school) with a random password. */
    public Staff staff(String roles, boolean active) {
        long trust = trust();
        String email = "staff-" + UUID.randomUUID() + "@school.example.org";
        String password = "pw-" + UUID.randomUUID();
        long id = insert("INSERT INTO staff_user (trust_id, school_id, email, name, position, roles, password_hash, active, created_at)"
                        + " VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?)",
                trust, email, "Sam Staff", "Attendance officer", roles, passwords.hash(password), active, now());
        return new Staff(id, trust, email, password);
    }

    /** A bearer token for a made-up staff member or parent (no database rows needed). */
    public String token(Caller.Kind kind, String... roles) {
        return tokens.accessToken(new Caller(kind, NEXT.incrementAndGet(), 1, Optional.empty(), Set.of(roles), "Test Caller", ""));
    }

    /** A bearer token for a made-up staff member of the given trust (no database rows needed). */
    public String staffToken(long trustId, String... roles) {
        return tokens.accessToken(new Caller(Caller.Kind.STAFF, NEXT.incrementAndGet(), trustId, Optional.empty(), Set.of(roles),
                "Test Caller", ""));
    }

    /** Who an access token says the caller is, as the server will read it. */
    public Caller callerOf(String accessToken) {
        Authentication authentication = Mono.from(validator.validateToken(accessToken, null)).block();
        if (authentication == null) {
            throw new AssertionError("The access token is not valid");
        }
        return Caller.of(authentication);
    }

    public List<Map<String, Object>> rows(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                List<Map<String, Object>> rows = new ArrayList<>();
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public int update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long insert(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, args);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void bind(PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            ps.setObject(i + 1, arg instanceof LocalDateTime t ? Timestamp.valueOf(t) : arg);
        }
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(java.time.ZoneOffset.UTC).withNano(0);
    }
}
