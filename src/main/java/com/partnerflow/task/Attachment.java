package com.partnerflow.task;

import java.time.Instant;

/**
 * A file uploaded as evidence to a task, e.g. an invoice on a milestone claim. Its content is kept
 * outside the database and read at {@code GET /api/attachments/{id}}.
 *
 * @param taskId the inbox task's id (the engine's job key) in decimal; null for a file handed in
 *     with a case rather than to one of its tasks (a dispute's evidence while it is opened)
 * @param partnerId the partner organisation of the task; null for an internal task
 * @param contentType detected from the content: {@code application/pdf}, {@code image/png} or
 *     {@code image/jpeg}
 * @param sha256 the content's SHA-256, 64 lower-case hex digits
 * @param size the content's length in bytes
 */
public record Attachment(
    String id,
    String taskId,
    String partnerId,
    String fileName,
    String contentType,
    String sha256,
    long size,
    String uploadedBy,
    Instant uploadedAt) {}
