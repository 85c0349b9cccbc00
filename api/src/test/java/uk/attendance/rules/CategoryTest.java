package uk.attendance.rules;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CategoryTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            PRESENT                       | true  | true  | false | #2E7D32 | Present
            APPROVED_EDUCATIONAL_ACTIVITY | true  | true  | false | #1565C0 | Approved educational activity
            AUTHORISED                    | true  | false | true  | #F9A825 | Authorised absence
            UNAUTHORISED                  | true  | false | true  | #C62828 | Unauthorised absence
            NOT_POSSIBLE                  | false | false | false | #9E9E9E | Not a possible session (not counted)
            ADMINISTRATIVE                | false | false | false | #E0E0E0 | Administrative (not counted)
            """)
    void categoryFlagsColourAndLabel(Category category, boolean possible, boolean attended, boolean absent,
                                     String colour, String label) {
        assertEquals(possible, category.possible());
        assertEquals(attended, category.attended());
        assertEquals(absent, category.absent());
        assertEquals(colour, category.colour());
        assertEquals(label, category.label());
    }

    @Test
    void coloursAreDistinct() {
        assertEquals(Category.values().length, Arrays.stream(Category.values()).map(Category::colour).distinct().count());
    }
}
