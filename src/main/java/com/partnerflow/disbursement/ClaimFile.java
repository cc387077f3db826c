package com.partnerflow.disbursement;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import org.hibernate.annotations.Immutable;

/** An evidence file of a claim, by the hash of its content. */
@Entity
@Immutable
@Table(name = "disbursement_claim_file")
class ClaimFile {

  @Embeddable
  record Key(String claimId, String attachmentId) implements Serializable {}

  @EmbeddedId private Key key;
  private String fileName;
  private String contentType;
  private String sha256;

  @Column(name = "size_bytes")
  private long size;

  protected ClaimFile() {}

  ClaimFile(String claimId, EvidenceFiles.EvidenceFile file) {
    this.key = new Key(claimId, file.id());
    this.fileName = file.fileName();
    this.contentType = file.contentType();
    this.sha256 = file.sha256();
    this.size = file.size();
  }

  String claimId() {
    return key.claimId();
  }

  String attachmentId() {
    return key.attachmentId();
  }

  String getFileName() {
    return fileName;
  }

  String getContentType() {
    return contentType;
  }

  String getSha256() {
    return sha256;
  }

  long getSize() {
    return size;
  }
}
