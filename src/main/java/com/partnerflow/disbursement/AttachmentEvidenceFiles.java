package com.partnerflow.disbursement;

import com.partnerflow.task.TaskAttachments;
import java.util.List;
import org.springframework.stereotype.Component;

/** The evidence port on the task module's attachments. */
@Component
class AttachmentEvidenceFiles implements EvidenceFiles {

  private final TaskAttachments attachments;

  AttachmentEvidenceFiles(TaskAttachments attachments) {
    this.attachments = attachments;
  }

  @Override
  public List<EvidenceFile> ofTask(String taskId) {
    return attachments.forTask(taskId).stream()
        .map(
            a ->
                new EvidenceFile(
                    a.id(), a.taskId(), a.fileName(), a.contentType(), a.sha256(), a.size()))
        .toList();
  }
}
