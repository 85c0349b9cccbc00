-- A text being handed over to Twilio. Written and committed on its own just before the request; deleted in the
-- worker's transaction that records the outcome. A row still here when its message is claimed again means the
-- worker that sent it died (or lost its database) between the request and that commit, so Twilio may have the text:
-- its message log is read before the text goes again (OutboxDispatch). No foreign key: the message row is locked
-- FOR UPDATE by the worker's own transaction while this row is written on another connection.
CREATE TABLE outbox_handover (
  outbox_id   BIGINT PRIMARY KEY,
  attempt     INT NOT NULL,
  started_at  DATETIME NOT NULL
) ENGINE=InnoDB;
