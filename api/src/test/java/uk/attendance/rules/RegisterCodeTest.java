package uk.attendance.rules;

import uk.attendance.rules.calendar.Session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegisterCodeTest {

    // One row per line of rule book §1.
    @ParameterizedTest(name = "{1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            PRESENT_AM      | /   | PRESENT                       | true  | true  | false | false | true  | false
            PRESENT_PM      | \\  | PRESENT                       | true  | true  | false | false | false | true
            L               | L   | PRESENT                       | true  | true  | false | false | true  | true
            K               | K   | APPROVED_EDUCATIONAL_ACTIVITY | true  | true  | false | false | true  | true
            V               | V   | APPROVED_EDUCATIONAL_ACTIVITY | true  | true  | false | false | true  | true
            P               | P   | APPROVED_EDUCATIONAL_ACTIVITY | true  | true  | false | false | true  | true
            W               | W   | APPROVED_EDUCATIONAL_ACTIVITY | true  | true  | false | false | true  | true
            B               | B   | APPROVED_EDUCATIONAL_ACTIVITY | true  | true  | false | false | true  | true
            D               | D   | NOT_POSSIBLE                  | false | false | false | false | true  | true
            C               | C   | AUTHORISED                    | true  | false | true  | false | true  | true
            C1              | C1  | AUTHORISED                    | true  | false | true  | false | true  | true
            C2              | C2  | AUTHORISED                    | true  | false | true  | false | true  | true
            E               | E   | AUTHORISED                    | true  | false | true  | false | true  | true
            J1              | J1  | AUTHORISED                    | true  | false | true  | false | true  | true
            M               | M   | AUTHORISED                    | true  | false | true  | false | true  | true
            S               | S   | AUTHORISED                    | true  | false | true  | false | true  | true
            T               | T   | AUTHORISED                    | true  | false | true  | false | true  | true
            R               | R   | AUTHORISED                    | true  | false | true  | false | true  | true
            I               | I   | AUTHORISED                    | true  | false | true  | false | true  | true
            X               | X   | NOT_POSSIBLE                  | false | false | false | false | true  | true
            Q               | Q   | NOT_POSSIBLE                  | false | false | false | false | true  | true
            Y1              | Y1  | NOT_POSSIBLE                  | false | false | false | false | true  | true
            Y2              | Y2  | NOT_POSSIBLE                  | false | false | false | false | true  | true
            Y3              | Y3  | NOT_POSSIBLE                  | false | false | false | false | true  | true
            Y4              | Y4  | NOT_POSSIBLE                  | false | false | false | false | true  | true
            Y5              | Y5  | NOT_POSSIBLE                  | false | false | false | false | true  | true
            Y6              | Y6  | NOT_POSSIBLE                  | false | false | false | false | true  | true
            Y7              | Y7  | NOT_POSSIBLE                  | false | false | false | false | true  | true
            G               | G   | UNAUTHORISED                  | true  | false | true  | true  | true  | true
            N               | N   | UNAUTHORISED                  | true  | false | true  | true  | true  | true
            O               | O   | UNAUTHORISED                  | true  | false | true  | true  | true  | true
            U               | U   | UNAUTHORISED                  | true  | false | true  | true  | true  | true
            Z               | Z   | ADMINISTRATIVE                | false | false | false | false | true  | true
            PLANNED_CLOSURE | '#' | ADMINISTRATIVE                | false | false | false | false | true  | true
            """)
    void everyCodeFollowsTheRuleBookTable(RegisterCode code, String symbol, Category category, boolean possible,
                                          boolean attended, boolean absent, boolean threshold, boolean am, boolean pm) {
        assertEquals(symbol, code.symbol());
        assertEquals(category, code.category());
        assertEquals(possible, code.category().possible());
        assertEquals(attended, code.category().attended());
        assertEquals(absent, code.category().absent());
        assertEquals(threshold, code.countsTowardsPenaltyThreshold());
        assertEquals(am, code.allowedIn(Session.AM));
        assertEquals(pm, code.allowedIn(Session.PM));
        assertEquals(Optional.of(code), RegisterCode.fromSymbol(symbol));
    }

    @Test
    void allIsInTableOrder() {
        List<String> symbols = RegisterCode.all().stream().map(RegisterCode::symbol).toList();
        assertEquals(List.of("/", "\\", "L", "K", "V", "P", "W", "B", "D", "C", "C1", "C2", "E", "J1", "M", "S",
                "T", "R", "I", "X", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7", "G", "N", "O", "U", "Z", "#"), symbols);
    }

    @Test
    void ruleBookSetsMatchCategories() {
        assertEquals(List.of("/", "\\", "L"), symbolsIn(Category.PRESENT));
        assertEquals(List.of("K", "V", "P", "W", "B"), symbolsIn(Category.APPROVED_EDUCATIONAL_ACTIVITY));
        assertEquals(List.of("C", "C1", "C2", "E", "J1", "M", "S", "T", "R", "I"), symbolsIn(Category.AUTHORISED));
        assertEquals(List.of("G", "N", "O", "U"), symbolsIn(Category.UNAUTHORISED));
        assertEquals(List.of("D", "X", "Q", "Y1", "Y2", "Y3", "Y4", "Y5", "Y6", "Y7"), symbolsIn(Category.NOT_POSSIBLE));
        assertEquals(List.of("Z", "#"), symbolsIn(Category.ADMINISTRATIVE));
    }

    private static List<String> symbolsIn(Category category) {
        return RegisterCode.all().stream().filter(c -> c.category() == category).map(RegisterCode::symbol).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"H", "F", "J", "Y", "Y0", "Y8", "C3", "l", "n", "j1", "y4", " /", "/ ", "//", "|", "*", "-"})
    @NullAndEmptySource
    void withdrawnUnknownAndLowercaseSymbolsAreRejected(String symbol) {
        assertEquals(Optional.empty(), RegisterCode.fromSymbol(symbol));
    }

    @ParameterizedTest
    @EnumSource(Session.class)
    void presentForGivesTheSessionsOwnPresentCode(Session session) {
        RegisterCode present = RegisterCode.presentFor(session);
        assertTrue(present.allowedIn(session));
        assertEquals(Category.PRESENT, present.category());
        assertEquals(session == Session.AM ? "/" : "\\", present.symbol());
    }

    @Test
    void meaningsAreDistinctPlainEnglish() {
        var meanings = new HashSet<String>();
        for (RegisterCode code : RegisterCode.all()) {
            assertFalse(code.meaning().isBlank(), code::name);
            assertTrue(meanings.add(code.meaning()), () -> "duplicate meaning for " + code);
        }
        assertEquals(34, meanings.size());
    }
}
