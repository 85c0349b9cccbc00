package uk.attendance.notify.text;

import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDateTime;

/** A text written down instead of sent (no Twilio credentials); {@code sentAt} is UTC. */
@MappedEntity("dev_text")
public record DevTextRecord(@Id @GeneratedValue Long id, String recipient, String body, LocalDateTime sentAt) {
}
