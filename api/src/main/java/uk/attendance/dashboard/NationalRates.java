package uk.attendance.dashboard;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The DfE's published national rates (migration V22, each with its source), read once: they change by migration. */
@Singleton
class NationalRates {
    record Rate(int startYear, String period, String phase, Optional<BigDecimal> overallAbsence,
                Optional<BigDecimal> authorised, Optional<BigDecimal> unauthorised, Optional<BigDecimal> persistent,
                Optional<BigDecimal> severe, Optional<LocalDate> publishedOn, String source, String sourceUrl) {
    }

    private final DataSource dataSource;
    private volatile List<Rate> rates;

    NationalRates(DataSource dataSource) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    /** Newest first. */
    List<Rate> all() {
        List<Rate> loaded = rates;
        if (loaded == null) {
            loaded = load();
            rates = loaded;
        }
        return loaded;
    }

    /** The overall absence rate of the latest full year for all schools, the line a chart draws for comparison. */
    Optional<Rate> latestFullYear() {
        return all().stream().filter(r -> r.period().equals("FULL_YEAR") && r.phase().equals("ALL")
                && r.overallAbsence().isPresent()).findFirst();
    }

    private List<Rate> load() {
        List<Rate> list = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT start_year, period, phase, overall_absence,"
                     + " authorised, unauthorised, persistent_absence, severe_absence, published_on, source_title, source_url"
                     + " FROM national_absence_rate ORDER BY start_year DESC, period DESC, phase");
             ResultSet r = select.executeQuery()) {
            while (r.next()) {
                list.add(new Rate(r.getInt(1), r.getString(2), r.getString(3), Optional.ofNullable(r.getBigDecimal(4)),
                        Optional.ofNullable(r.getBigDecimal(5)), Optional.ofNullable(r.getBigDecimal(6)),
                        Optional.ofNullable(r.getBigDecimal(7)), Optional.ofNullable(r.getBigDecimal(8)),
                        Optional.ofNullable(r.getObject(9, LocalDate.class)), r.getString(10), r.getString(11)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading national rates failed", e);
        }
        return List.copyOf(list);
    }
}
