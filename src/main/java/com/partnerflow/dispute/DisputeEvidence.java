package com.partnerflow.dispute;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.ForbiddenException;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.Attachment;
import com.partnerflow.task.TaskAttachments;
import com.partnerflow.task.attachment.CaseAttachments;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * A dispute's evidence: the files the partner handed in with the dispute ({@code POST
 * /api/disputes/{id}/evidence}, kept by the task module's attachments under the case key {@code
 * dispute:<id>}) and the files uploaded ({@code POST /api/tasks/{id}/attachments}) to any task of
 * its process, above all the partner's information request. Who may download a file is decided at
 * {@code GET /api/attachments/{id}}.
 */
@Component
class DisputeEvidence {

  private final TaskAttachments attachments;
  private final CaseAttachments caseFiles;
  private final DisputeService disputes;
  private final DisputeSteps steps;

  DisputeEvidence(
      TaskAttachments attachments,
      CaseAttachments caseFiles,
      DisputeService disputes,
      DisputeSteps steps) {
    this.attachments = attachments;
    this.caseFiles = caseFiles;
    this.disputes = disputes;
    this.steps = steps;
  }

  static String caseKey(String disputeId) {
    return "dispute:" + disputeId;
  }

  /** Oldest first: the files handed in with the dispute, then those of its tasks. */
  List<DisputeView.Evidence> of(Dispute dispute) {
    List<Attachment> files = new ArrayList<>(caseFiles.forCase(caseKey(dispute.getId())));
    Long processInstanceKey = dispute.getProcessInstanceKey();
    if (processInstanceKey != null) {
      files.addAll(attachments.forProcessInstance(processInstanceKey));
    }
    return files.stream()
        .sorted(Comparator.comparing(Attachment::uploadedAt).thenComparing(Attachment::id))
        .map(DisputeEvidence::view)
        .toList();
  }

  /**
   * A file the partner's user hands in with their undecided dispute (e.g. right after opening it on
   * the dispute form); recorded in the dispute's history.
   *
   * @throws com.partnerflow.common.NotFoundException another partner's or an unknown dispute
   * @throws ForbiddenException an internal user (reviewers attach files to their tasks)
   * @throws ConflictException a resolved or withdrawn dispute
   */
  DisputeView.Evidence add(PartnerflowUser user, String disputeId, MultipartFile file) {
    Dispute dispute = disputes.get(user, disputeId);
    if (!user.isPartnerUser()) {
      throw new ForbiddenException(
          "Only the partner hands in evidence with a dispute; reviewers attach files to their"
              + " tasks");
    }
    if (!dispute.getStatus().isOpen()) {
      throw new ConflictException("Dispute " + disputeId + " is " + dispute.getStatus());
    }
    Attachment stored = caseFiles.upload(caseKey(disputeId), dispute.getPartnerId(), file, user);
    steps.step(
        disputeId,
        "evidence:" + stored.id(),
        "EVIDENCE_ADDED",
        user.username(),
        stored.fileName(),
        null,
        (d, now) -> {});
    return view(stored);
  }

  private static DisputeView.Evidence view(Attachment a) {
    return new DisputeView.Evidence(
        a.id(),
        a.fileName(),
        a.contentType(),
        a.sha256(),
        a.size(),
        "/api/attachments/" + a.id(),
        a.uploadedAt());
  }
}
