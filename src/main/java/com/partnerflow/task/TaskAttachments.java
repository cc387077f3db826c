package com.partnerflow.task;

import com.partnerflow.task.attachment.StoredAttachment;
import com.partnerflow.task.attachment.StoredAttachments;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The evidence files uploaded to tasks ({@code POST /api/tasks/{id}/attachments}), for the modules
 * whose processes ask for them. Reads only; no visibility check: callers are workers and services
 * acting for the process, not for a user.
 */
@Service
public class TaskAttachments {

  private final StoredAttachments attachments;

  TaskAttachments(StoredAttachments attachments) {
    this.attachments = attachments;
  }

  /**
   * The files uploaded to a task, oldest first; empty for an unknown task.
   *
   * @param taskId the task's id (the engine's job key) in decimal, as in {@link Attachment#taskId}
   */
  @Transactional(readOnly = true)
  public List<Attachment> forTask(String taskId) {
    long id;
    try {
      id = Long.parseLong(taskId);
    } catch (NumberFormatException e) {
      return List.of();
    }
    return forTask(id);
  }

  /** The files uploaded to a task, oldest first. */
  @Transactional(readOnly = true)
  public List<Attachment> forTask(long taskId) {
    return attachments.findByTaskIdOrderByUploadedAtAscIdAsc(taskId).stream()
        .map(StoredAttachment::toAttachment)
        .toList();
  }

  /**
   * The files uploaded to any task of a process instance, open or closed, oldest first: a case's
   * evidence gathered over several tasks (e.g. a dispute's information requests).
   */
  @Transactional(readOnly = true)
  public List<Attachment> forProcessInstance(long processInstanceKey) {
    return attachments.findByProcessInstance(processInstanceKey).stream()
        .map(StoredAttachment::toAttachment)
        .toList();
  }

  /**
   * Every file with this content, on any task of any partner, oldest first: the same file handed in
   * twice (duplicate evidence).
   *
   * @param sha256 hex digits, either case
   */
  @Transactional(readOnly = true)
  public List<Attachment> withSha256(String sha256) {
    return attachments
        .findBySha256OrderByUploadedAtAscIdAsc(sha256.toLowerCase(Locale.ROOT))
        .stream()
        .map(StoredAttachment::toAttachment)
        .toList();
  }
}
