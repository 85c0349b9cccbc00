package uk.attendance.pupil;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("pupil_contact")
public record PupilContactRecord(@Id @GeneratedValue Long id, long pupilId, long contactId, int priority,
                                 String relationship, boolean parentalResponsibility, boolean livesWith) {
}
