package com.partnerflow.dispute;

import com.partnerflow.task.TaskAttachments;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A dispute's evidence: the files uploaded ({@code POST /api/tasks/{id}/attachments}) to any task
 * of its process, above all the partner's information request. Reads the task module's attachments;
 * who may download a file is decided at {@code GET /api/attachments/{id}}.
 */
@Component
class DisputeEvidence {

  private final TaskAttachments attachments;

  DisputeEvidence(TaskAttachments attachments) {
    this.attachments = attachments;
  }

  /** Oldest first; empty while the dispute's process has not started. */
  List<DisputeView.Evidence> of(Dispute dispute) {
    Long processInstanceKey = dispute.getProcessInstanceKey();
    if (processInstanceKey == null) {
      return List.of();
    }
    return attachments.forProcessInstance(processInstanceKey).stream()
        .map(
            a ->
                new DisputeView.Evidence(
                    a.id(),
                    a.fileName(),
                    a.contentType(),
                    a.sha256(),
                    a.size(),
                    "/api/attachments/" + a.id(),
                    a.uploadedAt()))
        .toList();
  }
}
