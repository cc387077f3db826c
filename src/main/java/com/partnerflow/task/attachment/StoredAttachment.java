package com.partnerflow.task.attachment;

import com.partnerflow.task.Attachment;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the database knows of an uploaded file; the content lives in {@link AttachmentStorage}. */
@Entity
@Table(name = "task_attachment")
public class StoredAttachment {

  @Id private String id;
  private Long taskId;
  private String caseKey;
  private String partnerId;
  private String uploadedBy;
  private String fileName;
  private String contentType;
  private String sha256;

  @Column(name = "size_bytes")
  private long size;

  private Instant uploadedAt;
  private String storageKey;

  protected StoredAttachment() {}

  /**
   * A file of a task ({@code taskId}) or of a case ({@code caseKey}, e.g. {@code dispute:<id>}):
   * exactly one of them is given.
   */
  StoredAttachment(
      String id,
      Long taskId,
      String caseKey,
      String partnerId,
      String uploadedBy,
      StoredFile file) {
    this.id = id;
    this.taskId = taskId;
    this.caseKey = caseKey;
    this.partnerId = partnerId;
    this.uploadedBy = uploadedBy;
    this.fileName = file.fileName();
    this.contentType = file.contentType();
    this.sha256 = file.sha256();
    this.size = file.size();
    this.uploadedAt = file.storedAt();
    this.storageKey = file.storageKey();
  }

  public Attachment toAttachment() {
    return new Attachment(
        id,
        taskId == null ? null : Long.toString(taskId),
        partnerId,
        fileName,
        contentType,
        sha256,
        size,
        uploadedBy,
        uploadedAt);
  }

  String getId() {
    return id;
  }

  String getPartnerId() {
    return partnerId;
  }

  String getUploadedBy() {
    return uploadedBy;
  }

  String getFileName() {
    return fileName;
  }

  String getContentType() {
    return contentType;
  }

  String getStorageKey() {
    return storageKey;
  }

  long getSize() {
    return size;
  }
}
