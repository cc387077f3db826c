package com.partnerflow.task.attachment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

/** The metadata of every uploaded file. */
public interface StoredAttachments extends JpaRepository<StoredAttachment, String> {

  List<StoredAttachment> findByTaskIdOrderByUploadedAtAscIdAsc(long taskId);

  List<StoredAttachment> findBySha256OrderByUploadedAtAscIdAsc(String sha256);
}
