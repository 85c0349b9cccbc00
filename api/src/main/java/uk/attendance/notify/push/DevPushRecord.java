package uk.attendance.notify.push;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A push written down instead of sent (no Firebase credentials); {@code data} is JSON, {@code sentAt} UTC. */
@MappedEntity("dev_push")
public record DevPushRecord(@Id @GeneratedValue Long id, long deviceId, String title, String body, String data,
                            LocalDateTime sentAt) {
}
