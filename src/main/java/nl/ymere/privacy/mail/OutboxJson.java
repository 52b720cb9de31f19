package nl.ymere.privacy.mail;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /admin/outbox} as JSON (issue 15 item 12): what an integration needs to watch the outbox, without
 * addresses, subjects or bodies (DESIGN principle 2).
 *
 * @param node id of the node that answered ({@code privacy.node-id})
 * @param stuckAfter ISO-8601 duration after which a row in SENDING counts as stuck
 * @param stuck rows left in SENDING longer than that, oldest claim first
 * @param messages the newest rows (at most 200), newest first
 */
record OutboxJson(String node, String stuckAfter, List<Message> stuck, List<Message> messages) {

  record Message(long id, String messageId, String reference, String template, String templateVersion,
      Channel channel, RecipientRole recipientRole, OutboxStatus status, int attempts, Instant nextAttemptAt,
      String claimedBy, Instant claimedAt, Instant sentAt, String lastError, Instant createdAt, boolean stuck) {

    static Message of(OutboxAdminController.Row row) {
      OutboxMessage m = row.message();
      return new Message(m.id(), m.messageId(), m.reference(), m.template(), m.templateVersion(), m.channel(),
          m.recipientRole(), m.status(), m.attempts(), m.nextAttemptAt(), m.claimedBy(), m.claimedAt(), m.sentAt(),
          m.lastError(), m.createdAt(), row.stuck());
    }
  }
}
