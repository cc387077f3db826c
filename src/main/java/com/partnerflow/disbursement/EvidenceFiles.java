package com.partnerflow.disbursement;

import java.util.List;

/**
 * Port to the files partners upload to their claim tasks ({@code POST /api/tasks/{id}/attachments},
 * owned by the task module). Disbursement only needs to list a task's files; it keeps its own copy
 * of each claim's file hashes for duplicate detection.
 */
interface EvidenceFiles {

  /** A file uploaded to a task: type detected from the content, SHA-256 of the bytes. */
  record EvidenceFile(
      String id, String taskId, String fileName, String contentType, String sha256, long size) {}

  /** The files uploaded to the task, oldest first. */
  List<EvidenceFile> ofTask(String taskId);
}
