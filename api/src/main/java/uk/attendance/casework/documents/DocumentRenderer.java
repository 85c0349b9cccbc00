package uk.attendance.casework.documents;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import jakarta.inject.Singleton;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Documents to families as PDF: a Mustache template ({@code casework/documents/*.mustache}, every value HTML-escaped)
 * makes XHTML, OpenHTMLtoPDF lays it out on PDFBox with DejaVu Sans embedded (subset), so accented and non-Latin
 * letters print as written. Thread-safe.
 */
@Singleton
public class DocumentRenderer {
    private static final String FONT_DIR = "/net/sf/jasperreports/fonts/dejavu/";
    private static final String FONT_FAMILY = "DejaVu Sans";
    private final Mustache letter;
    private final Mustache report;

    public DocumentRenderer() {
        com.openhtmltopdf.util.XRLog.setLoggerImpl(new RendererLog());
        DefaultMustacheFactory templates = new DefaultMustacheFactory("casework/documents");
        this.letter = templates.compile("letter.mustache");
        this.report = templates.compile("report.mustache");
    }

    /** A letter: greeting, the kept subject and paragraphs, sign-off, then the pupil's figures. */
    public byte[] render(LetterDocument document) {
        DocumentWords words = DocumentWords.forPreferred(document.language());
        Map<String, Object> page = new HashMap<>();
        page.put("lang", words.language());
        page.put("schoolName", document.schoolName());
        page.put("date", words.date(document.date()));
        page.put("dear", document.recipientName() == null ? words.get("letter.dearDefault")
                : words.get("letter.dear", "name", document.recipientName()));
        page.put("re", words.get("letter.re"));
        page.put("subject", document.subject());
        page.put("pupilName", document.pupilName());
        page.put("registrationGroup", document.registrationGroup());
        page.put("paragraphs", paragraphs(document.body()));
        page.put("yours", words.get("letter.yours"));
        page.put("signedBy", document.signedBy() == null ? words.get("letter.headteacher") : document.signedBy());
        String firstName = document.pupilName().split(" ", 2)[0];
        page.put("tables", List.of(figuresTable(words, words.get("letter.figuresHeading", "child", firstName), document.figures())));
        page.put("notes", notes(words, document.figures()));
        return pdf(fill(letter, page));
    }

    /** The half-termly report: the pupil, this half-term's figures, the trend, the improvement note, the penalty status. */
    public byte[] render(HalfTermReport r) {
        DocumentWords words = DocumentWords.forPreferred(r.language());
        Map<String, Object> page = new HashMap<>();
        page.put("lang", words.language());
        page.put("schoolName", r.schoolName());
        page.put("title", words.get("report.title") + " - " + r.halfTerm().title());
        List<Map<String, Object>> tables = new ArrayList<>();
        tables.add(table(null, null, List.of(
                row(words.get("report.pupil"), r.pupilName()),
                row(words.get("report.group"), r.registrationGroup()),
                row(words.get("report.school"), r.schoolName()),
                row(words.get("report.halfTerm"), r.halfTerm().title() + " ("
                        + words.get("figures.period", "from", words.date(r.thisHalfTerm().from()), "to", words.date(r.thisHalfTerm().to()))
                        + ")"))));
        tables.add(figuresTable(words, words.get("report.thisHalfTerm", "name", r.halfTerm().name()), r.thisHalfTerm()));
        List<String> header = new ArrayList<>(List.of(""));
        List<String> percents = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        if (r.previous() != null) {
            header.add(words.get("report.previous", "name", r.previousHalfTerm().name()));
            percents.add(percent(words, r.previous().attendancePercent()));
            missed.add(String.valueOf(r.previous().missedSessions()));
        }
        header.add(words.get("report.thisHalfTerm", "name", r.halfTerm().name()));
        percents.add(percent(words, r.thisHalfTerm().attendancePercent()));
        missed.add(String.valueOf(r.thisHalfTerm().missedSessions()));
        header.add(words.get("report.yearToDate"));
        percents.add(percent(words, r.yearToDate().attendancePercent()));
        missed.add(String.valueOf(r.yearToDate().missedSessions()));
        tables.add(table(words.get("report.trend"), header, List.of(
                row(words.get("figures.attendance"), percents.toArray(String[]::new)),
                row(words.get("figures.missed"), missed.toArray(String[]::new)))));
        page.put("tables", tables);
        page.put("paragraphs", List.of(trend(words, r)));
        if (r.significantlyImproved()) {
            page.put("improved", words.get("report.improved", "child", r.pupilFirstName()));
        }
        List<String> notes = new ArrayList<>(notes(words, r.thisHalfTerm()));
        notes.add(words.get("report.footer", "date", words.date(r.writtenOn())));
        page.put("notes", notes);
        return pdf(fill(report, page));
    }

    private static String trend(DocumentWords words, HalfTermReport r) {
        if (r.previous() == null || r.previous().attendancePercent() == null || r.thisHalfTerm().attendancePercent() == null) {
            return words.get("report.noPrevious");
        }
        BigDecimal change = r.thisHalfTerm().attendancePercent().subtract(r.previous().attendancePercent());
        int sign = change.signum();
        return sign == 0 ? words.get("report.same")
                : words.get(sign > 0 ? "report.up" : "report.down", "points", words.decimal(change.abs()));
    }

    private static Map<String, Object> figuresTable(DocumentWords words, String heading, DocumentFigures f) {
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row(words.get("figures.attendance"), percent(words, f.attendancePercent())));
        rows.add(row(words.get("figures.possible"), String.valueOf(f.possibleSessions())));
        rows.add(row(words.get("figures.missed"), String.valueOf(f.missedSessions())));
        rows.add(row(words.get("figures.daysMissed"), words.decimal(f.daysMissed())));
        rows.add(row(words.get("figures.hoursLost"), words.decimal(f.learningHoursLost())));
        rows.add(row(words.get("figures.band"), f.band() == null ? words.get("figures.none")
                : f.band().label() + ": " + (words.english() ? f.band().description() : words.get("band." + f.band().name()))));
        rows.add(row(words.get("figures.penalty", "date", words.date(f.penalty().asOf())), penalty(words, f.penalty())));
        return table(heading + " (" + words.get("figures.period", "from", words.date(f.from()), "to", words.date(f.to())) + ")",
                null, rows);
    }

    /** English is the app's own headline; a translation says the same from its parts. */
    static String penalty(DocumentWords words, DocumentFigures.Penalty p) {
        if (words.english()) {
            return p.headline();
        }
        if (!p.applies()) {
            return words.get("penalty.notApplicable");
        }
        String text = switch (p.level()) {
            case NONE -> words.get("penalty.NONE");
            case NOTICE, WARNING -> words.get("penalty.USED", "used", p.sessionsUsed(), "left", p.sessionsLeft());
            case REACHED -> words.get("penalty.REACHED");
        };
        return p.provisional() && p.level() != DocumentFigures.Level.NONE ? text + " " + words.get("penalty.provisional") : text;
    }

    private static List<String> notes(DocumentWords words, DocumentFigures f) {
        List<String> notes = new ArrayList<>();
        if (f.severeAbsence()) {
            notes.add(words.get("figures.severe"));
        } else if (f.persistentAbsence()) {
            notes.add(words.get("figures.persistent"));
        }
        notes.add(words.get("figures.sessionNote"));
        return notes;
    }

    private static String percent(DocumentWords words, BigDecimal value) {
        return value == null ? words.get("figures.none") : words.decimal(value) + "%";
    }

    private static Map<String, Object> table(String heading, List<String> header, List<Map<String, Object>> rows) {
        Map<String, Object> table = new HashMap<>();
        if (heading != null) {
            table.put("heading", heading);
        }
        if (header != null) {
            table.put("header", Map.of("cells", header));
        }
        table.put("rows", rows);
        return table;
    }

    private static Map<String, Object> row(String label, String... cells) {
        return Map.of("label", label, "cells", Arrays.asList(cells));
    }

    private static List<String> paragraphs(String body) {
        return Arrays.stream(body.split("\\R\\s*\\R")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    private static String fill(Mustache template, Map<String, Object> page) {
        StringWriter html = new StringWriter();
        template.execute(html, page);
        return html.toString();
    }

    private static byte[] pdf(String xhtml) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useFont(() -> DocumentRenderer.class.getResourceAsStream(FONT_DIR + "DejaVuSans.ttf"), FONT_FAMILY, 400,
                BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.useFont(() -> DocumentRenderer.class.getResourceAsStream(FONT_DIR + "DejaVuSans-Bold.ttf"), FONT_FAMILY, 700,
                BaseRendererBuilder.FontStyle.NORMAL, true);
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
