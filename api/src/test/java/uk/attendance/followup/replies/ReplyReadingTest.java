package uk.attendance.followup.replies;

import uk.attendance.followup.morning.MorningTextTemplates;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.attendance.contract.model.AbsenceReportReason;

import java.time.LocalTime;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a reply to the morning text is read, and the morning text in each language. Pure, no database. */
class ReplyReadingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Sam is poorly today                                    | ILLNESS
            She has a temperature, keeping her home                | ILLNESS
            he's been vomiting all night                           | ILLNESS
            Not feeling well, back tomorrow hopefully              | ILLNESS
            unwell                                                 | ILLNESS
            Sick bug                                               | ILLNESS
            Sick, taking him to the doctor later                   | ILLNESS
            Jakub jest chory, ma gorączkę                          | ILLNESS
            Ioana este bolnavă                                     | ILLNESS
            ابني مريض اليوم                                         | ILLNESS
            بچہ بیمار ہے                                            | ILLNESS
            Dentist appointment this morning                       | MEDICAL_APPOINTMENT
            At the hospital for a scan                             | MEDICAL_APPOINTMENT
            GP at 10.40                                            | MEDICAL_APPOINTMENT
            Wizyta u lekarza                                       | MEDICAL_APPOINTMENT
            موعد مع طبيب الأسنان                                    | MEDICAL_APPOINTMENT
            We will be in at 11                                    | OTHER
            She's not ill, we overslept                            | OTHER
            Still at grandma's, back on Monday                     | OTHER
            ok                                                     | OTHER
            """)
    void theReasonIsReadOnlyAsFarAsTheReplyClearlyGoes(String reply, AbsenceReportReason reason) {
        assertEquals(reason, ReplyReading.read(reply).reason());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            dentist at 11:15                  | 11:15
            hospital appointment 2.30pm       | 14:30
            GP at 9am                         | 09:00
            doctor at 2:30                    | 14:30
            orthodontist 10.05 am             | 10:05
            doctor, we will be in by lunch    |
            appointment on the 3rd            |
            """)
    void anAppointmentTakesTheTimeTheReplyGives(String reply, String time) {
        ReplyReading.Reading reading = ReplyReading.read(reply);
        assertEquals(AbsenceReportReason.MEDICAL_APPOINTMENT, reading.reason());
        assertEquals(Optional.ofNullable(time).map(LocalTime::parse), reading.appointment());
    }

    @ParameterizedTest
    @CsvSource({"STOP", "stop", " Help ", "UNSUBSCRIBE", "START"})
    void twiliosKeywordsAreNoReason(String reply) {
        assertTrue(ReplyReading.isKeyword(reply));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en    | Oak School: Sam is not in school today and we have not been told why. Please reply to this text with the reason for the absence.
            pl-PL | Oak School: Państwa dziecko Sam jest dziś nieobecne w szkole i nie znamy powodu. Prosimy odpowiedzieć na tę wiadomość, podając powód nieobecności.
            RO    | Oak School: copilul dumneavoastră, Sam, nu este astăzi la școală și nu cunoaștem motivul. Vă rugăm să răspundeți la acest mesaj cu motivul absenței.
            so    | Oak School: Sam is not in school today and we have not been told why. Please reply to this text with the reason for the absence.
            """)
    void theMorningTextIsInTheContactsLanguageOrEnglish(String language, String text) {
        assertEquals(text, MorningTextTemplates.text(language, "Oak School", "Sam"));
    }
}
