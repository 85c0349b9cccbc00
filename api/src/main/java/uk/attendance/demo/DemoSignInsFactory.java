package uk.attendance.demo;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.util.List;

@Factory
class DemoSignInsFactory {

    @Singleton
    @Requires(property = "attendance.demo.enabled", value = "true")
    DemoSignIns demoSignIns(@Value("${attendance.trust-name:Oak Learning Trust}") String trustName,
                            @Value("${attendance.demo.password:" + DemoTrustLoader.DEFAULT_PASSWORD + "}") String password) {
        return new DemoSignIns(trustName, password,
                DemoStaff.ALL.stream()
                        .map(s -> new DemoSignIns.StaffSignIn(s.school().map(school -> school.displayName).orElse(trustName),
                                s.role(), s.position(), s.email()))
                        .toList(),
                List.of(new DemoSignIns.ParentSignIn(DemoFamilies.BOTH_SCHOOLS_MOBILE,
                                "children in both schools (" + DemoSchool.OAKFIELD.displayName + ", " + DemoSchool.RIVERSIDE.displayName + ")"),
                        new DemoSignIns.ParentSignIn(DemoFamilies.PRIMARY_MOBILE, "a child at " + DemoSchool.OAKFIELD.displayName),
                        new DemoSignIns.ParentSignIn(DemoFamilies.SECONDARY_MOBILE, "a child at " + DemoSchool.RIVERSIDE.displayName)));
    }
}
