package com.partnerflow.task.attachment;

import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.Attachment;
import java.util.List;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Evidence files of a case rather than of one of its tasks (a dispute's evidence handed in while it
 * is opened, before it has a task), under a key the owning module chooses ({@code dispute:<id>}).
 * The same checks, storage and download rules ({@code GET /api/attachments/{id}}) as a task's
 * files; the owning module decides who may hand a file in. Exposed as the named interface {@code
 * task::attachments}.
 */
@Service
@NamedInterface("attachments")
public class CaseAttachments {

  private final AttachmentService service;
  private final StoredAttachments attachments;

  CaseAttachments(AttachmentService service, StoredAttachments attachments) {
    this.service = service;
    this.attachments = attachments;
  }

  /**
   * Stores {@code file} for the case of {@code partnerId}.
   *
   * @param file null when the request had no part {@code file} (400)
   */
  public Attachment upload(
      String caseKey, String partnerId, MultipartFile file, PartnerflowUser user) {
    return service.uploadToCase(caseKey, partnerId, file, user);
  }

  /** The case's files, oldest first. */
  @Transactional(readOnly = true)
  public List<Attachment> forCase(String caseKey) {
    return attachments.findByCaseKeyOrderByUploadedAtAscIdAsc(caseKey).stream()
        .map(StoredAttachment::toAttachment)
        .toList();
  }
}
