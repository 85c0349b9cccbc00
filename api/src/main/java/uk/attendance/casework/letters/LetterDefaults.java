package uk.attendance.casework.letters;

import java.math.BigDecimal;
import java.util.List;

/**
 * The trust policy's graduated response (attendance policy, section 6 and annexes 5 to 7), in English: what a school
 * has until it changes a stage. The letters are the annexes' texts with the MIS merge fields as placeholders; the
 * school-specific names the annexes leave as "XXX" are left out (each school puts in its own). The body is the letter's
 * own words: the greeting, the pupil's name and class, the sign-off and the figures table are the printed letter's
 * frame (casework/documents), in the family's language.
 */
final class LetterDefaults {
    static final int RESEND_AFTER_DAYS = 42;
    static final int MINIMUM_SESSIONS = 10;

    private static final String FIGURES = """
            Attendance this academic year: {{attendancePercent}}% ({{sessionsMissed}} of {{sessionsPossible}} sessions \
            missed, {{learningHoursLost}} hours of learning).""";
    private static final String PENALTY_FRAMEWORK = """
            For your information, under the National framework all schools are required to consider a Penalty Notice \
            when a child has missed 10 or more sessions (5 days) for unauthorised reasons within a rolling 10 school \
            week period. A Penalty Notice is £80 if paid within 21 days, or £160 if paid after this but within 28 days. \
            A second Penalty Notice for the same child within 3 years is £160 with no reduction, and no more than two \
            are issued in 3 years: after that the local authority would consider prosecution. Where {{firstName}} \
            stands today: {{penaltyStatus}}""";

    private LetterDefaults() {
    }

    static List<StageSetting> stages() {
        return List.of(
                new StageSetting(LetterStage.LETTER_1, "Letter 1", "Letter 1, sharing information and expectations",
                        true, new BigDecimal("96"), null, "Low attendance letter 1: {{firstName}}", """
                        We hope you are well. We understand the importance of working together to support attendance in \
                        school. The first stage of our approach to attendance is helping you to understand your own \
                        child's missed sessions. We would like to kindly bring to your attention that, according to our \
                        records, {{firstName}}'s attendance for this academic year currently stands at \
                        {{attendancePercent}}%. This reflects a total of {{sessionsMissed}} missed sessions since the \
                        start of the academic year, or {{learningHoursLost}} hours of learning.

                        All attendance, whatever the reason, is coded. We understand that these absences may be due to \
                        illness, lates or other authorised reasons, and every family will be different. Every moment in \
                        school counts and days missed add up quickly. Being in school daily is important to your child's \
                        achievement, wellbeing and social development.

                        To help us to correctly identify absences, please notify the school each day that {{firstName}} \
                        is unable to attend. Where children are unwell, we advise parents to follow the advice provided \
                        by the NHS ("Is my child too ill for school?").

                        We are here to listen and understand your family context. If there is anything that we can do to \
                        support you, your child's class teacher would be happy to meet with you to discuss it further. \
                        You can view the full details of {{firstName}}'s attendance in the app. If you feel there may be \
                        any discrepancies in this record, please get in touch with the school office.

                        Working together, we can support {{firstName}} to feel happy attending school daily."""),
                new StageSetting(LetterStage.LETTER_2, "Letter 2", "Letter 2, invitation to a support meeting",
                        true, new BigDecimal("90"), null, "Low attendance letter 2: {{firstName}}", """
                        We understand the importance of working together to support {{firstName}}'s attendance. \
                        Following our last communication, we have noticed that {{firstName}}'s attendance continues to \
                        be low. The current attendance has dropped to {{attendancePercent}}%. This means that they have \
                        now missed a total of {{sessionsMissed}} sessions this academic year.

                        Whilst we understand that some absences may be due to illness or other authorised circumstances, \
                        the growing number of sessions missed can impact on the progress, attainment and social wellbeing \
                        of children. For full details of {{firstName}}'s recorded attendance, please see the app; should \
                        you not agree with this record, please contact the school office.

                        We would like to meet with you as a family to listen to and understand any barriers to your \
                        child attending school. From this we will work together on an Attendance Targeted Support Plan. \
                        Please telephone the school office to arrange a time; we are happy to hold the meeting online if \
                        this is easier for you.

                        Please also be advised that we will be unable to authorise any further absence due to illness \
                        unless you can provide evidence of contact with a medical professional (an appointment card, text \
                        or email, a prescription or sight of the medication prescribed).

                        """ + PENALTY_FRAMEWORK + """


                        Please be assured that there is no further action at this time."""),
                new StageSetting(LetterStage.LETTER_3, "Letter 3", "Letter 3, invitation to an attendance contract meeting",
                        true, new BigDecimal("50"), null, "Low attendance letter 3: {{firstName}}", """
                        Following our last communication, we have noticed that {{firstName}}'s attendance has shown no \
                        improvement and they continue to miss a high number of school sessions. Their current attendance \
                        has dropped to {{attendancePercent}}%. This means that they have now missed a total of \
                        {{sessionsMissed}} sessions this academic year.

                        At this point, we need to work together to make a difference for {{firstName}}. We would like to \
                        invite you to a meeting in school with your child's class teacher, our attendance lead and \
                        myself, to understand the challenges with attendance and agree a clear Attendance Contract to \
                        remove any barriers to {{firstName}} being in school daily. Please contact the school office to \
                        arrange a time.

                        Should your child's attendance fall further, we may need to move to the Enforce level of our \
                        policy, which could result in a referral to the local authority for legal action. We are not yet \
                        at this stage.

                        """ + PENALTY_FRAMEWORK + """


                        We remain unable to authorise any further absences for illness unless evidence of contact with a \
                        medical professional is provided. We look forward to working together with you to support \
                        {{firstName}}."""),
                new StageSetting(LetterStage.U_LATE, "Late after the register closed",
                        "Letter about arrivals after the register closes (U) accumulating", true, null, 10,
                        "Arriving after the register closes: {{firstName}}", """
                        Arriving after the register has closed has a negative impact on the welfare and learning of \
                        pupils, both the pupil who is late and their classmates. {{firstName}} has arrived after the \
                        register closed {{uLateSessions}} times this term. Each of these is recorded as an unauthorised \
                        absence (code U) for that session, as the Department for Education requires.

                        We would like to talk with you about any support that would help {{firstName}} arrive on time, \
                        and about the ways of accessing it. Please contact the school office to arrange a time.

                        """ + FIGURES),
                new StageSetting(LetterStage.LONG_TERM_ILLNESS, "Long-term illness",
                        "Letter supporting a pupil through a long-term illness", false, null, null,
                        "Supporting {{firstName}} during illness", """
                        We are sorry to hear that {{firstName}} is unwell, and we want to support your family during \
                        this time. Every session makes a difference, and we would like to work with you and the health \
                        professionals involved so that {{firstName}} can keep learning and return to school when ready.

                        Please keep us informed each day {{firstName}} is unable to attend, and share any medical \
                        evidence (an appointment letter, a prescription, a consultant's letter) so that we can record \
                        the absences correctly and, where needed, ask the local authority about education for children \
                        who cannot attend because of health needs.

                        """ + FIGURES + """


                        We would like to meet with you to agree how we can support {{firstName}}. Please contact the \
                        school office to arrange a time."""),
                new StageSetting(LetterStage.PART_TIME_TIMETABLE, "Part-time timetable",
                        "Letter confirming a temporary part-time timetable", false, null, null,
                        "{{firstName}}'s part-time timetable", """
                        As agreed with you, {{firstName}} will attend school on a temporary part-time timetable. A \
                        part-time timetable is a short-term measure to help {{firstName}} return to full-time education \
                        as soon as possible; it will be reviewed with you regularly, at least every 4 to 6 weeks, and \
                        either of us may ask for a review at any time.

                        The sessions {{firstName}} is not expected in school are recorded with the code for an authorised \
                        absence (C2), as the Department for Education requires.

                        """ + FIGURES + """


                        If you have any questions, please contact the school office."""));
    }
}
