/**
 * Pure attendance rules for schools in England from 19 August 2024, following the product rule book
 * ({@code domain/attendance-rules.md}). Plain Java, no framework, no I/O; all types are immutable.
 *
 * <p>Conventions chosen here where the rule book leaves a choice:
 * <ul>
 *   <li>Compulsory school age starts on a prescribed day that <em>is</em> the fifth birthday
 *       (Education Act 1996 s8(2)(a)); it ends at the end of the last Friday in June of the
 *       September-to-August school year in which the child turns 16.</li>
 *   <li>Arrival at or before the register opens is on time; after the opening instant until just before
 *       close is L; from close until just before the session ends is U; at or after the end, no code.</li>
 *   <li>Calendar rules (penalty threshold, N deadline, returns) only use marks on sessions the calendar
 *       plans; a day with one planned session (half-day closure) is a school day.</li>
 *   <li>Display percentages are rounded half-up independently, so attendance and absence shown to one
 *       decimal place add up to 100.1 when the exact values end in .x5 (e.g. 12.25 % and 87.75 %).</li>
 * </ul>
 */
package uk.attendance.rules;
