package uk.attendance.casework.documents;

import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLogger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.logging.Level;

/**
 * OpenHTMLtoPDF's messages through our logging, warnings and errors only (its default writes every layout step to
 * stderr through java.util.logging). Its messages name CSS and fonts, not the document's text.
 */
final class RendererLog implements XRLogger {
    private static final Logger LOG = LoggerFactory.getLogger("uk.attendance.casework.documents.openhtmltopdf");

    @Override
    public void log(String where, Level level, String msg) {
        log(where, level, msg, null);
    }

    @Override
    public void log(String where, Level level, String msg, Throwable th) {
        if (level.intValue() >= Level.SEVERE.intValue()) {
            LOG.error("{}: {}", where, msg, th);
        } else if (level.intValue() >= Level.WARNING.intValue()) {
            LOG.warn("{}: {}", where, msg, th);
        }
    }

    @Override
    public void setLevel(String logger, Level level) {
        // the level is chosen here
    }

    @Override
    public boolean isLogLevelEnabled(Diagnostic diagnostic) {
        return diagnostic.getLevel().intValue() >= Level.WARNING.intValue();
    }
}
