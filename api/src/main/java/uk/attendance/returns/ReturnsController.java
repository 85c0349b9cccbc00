package uk.attendance.returns;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import uk.attendance.caller.CurrentCaller;
import uk.attendance.caller.Roles;
import uk.attendance.contract.api.ReturnsApi;
import uk.attendance.contract.model.LaReturn;
import uk.attendance.contract.model.LaReturnKind;
import uk.attendance.contract.model.LaReturnList;
import uk.attendance.contract.model.LaReturnSent;
import uk.attendance.contract.model.LaReturnStatus;
import uk.attendance.contract.model.LocalAuthority;
import uk.attendance.school.SchoolService;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({Roles.ATTENDANCE_OFFICER, Roles.DSL, Roles.HEADTEACHER, Roles.TRUST_ADMIN})
class ReturnsController implements ReturnsApi {
    private final LaReturns returns;
    private final SchoolService schools;
    private final CurrentCaller caller;

    ReturnsController(LaReturns returns, SchoolService schools, CurrentCaller caller) {
        this.returns = returns;
        this.schools = schools;
        this.caller = caller;
    }

    @Override
    @Secured(Roles.TRUST_ADMIN)
    public LocalAuthority setLocalAuthority(Long schoolId, LocalAuthority in) {
        var school = schools.setLocalAuthority(schools.forStaff(caller.get(), schoolId), in.getCode(), in.getName());
        return new LocalAuthority(school.laCode(), school.laName());
    }

    @Override
    public LaReturnList listLaReturns(Long schoolId, LaReturnStatus status, LaReturnKind kind, LocalDate asOf) {
        var listing = returns.ofSchool(caller.get(), schoolId, kind(kind), status(status), Optional.ofNullable(asOf));
        return new LaReturnList(listing.asOf(), listing.lines().stream().map(ReturnsContract::toContract).toList());
    }

    @Override
    public LaReturn getLaReturn(Long returnId) {
        return ReturnsContract.toContract(returns.one(caller.get(), returnId));
    }

    @Override
    public LaReturn markLaReturnSent(Long returnId, LaReturnSent in) {
        return ReturnsContract.toContract(returns.markSent(caller.get(), returnId, in.getVia().getValue(),
                Optional.ofNullable(in.getNote())));
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> exportLaReturns(String laCode, LaReturnStatus status, LaReturnKind kind,
                                                                      LocalDate asOf) {
        var listing = returns.ofLocalAuthority(caller.get(), laCode, kind(kind), status(status), Optional.ofNullable(asOf));
        byte[] csv = ReturnsContract.csv(listing.lines().stream().map(ReturnsContract::toContract).toList())
                .getBytes(StandardCharsets.UTF_8);
        StreamedFile body = new StreamedFile(new ByteArrayInputStream(csv), MediaType.of("text/csv; charset=utf-8"),
                System.currentTimeMillis(), csv.length);
        return HttpResponse.<FileCustomizableResponseType>ok(body)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"la-" + laCode + "-returns-" + listing.asOf() + ".csv\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store");
    }

    private static Optional<ReturnKind> kind(LaReturnKind kind) {
        return Optional.ofNullable(kind).map(k -> ReturnKind.valueOf(k.getValue()));
    }

    private static Optional<LaReturnRow.Status> status(LaReturnStatus status) {
        return Optional.ofNullable(status).map(s -> LaReturnRow.Status.valueOf(s.getValue()));
    }
}
