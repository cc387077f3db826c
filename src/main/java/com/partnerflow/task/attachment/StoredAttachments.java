package com.partnerflow.task.attachment;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** The metadata of every uploaded file. */
public interface StoredAttachments extends JpaRepository<StoredAttachment, String> {

  List<StoredAttachment> findByTaskIdOrderByUploadedAtAscIdAsc(long taskId);

  List<StoredAttachment> findBySha256OrderByUploadedAtAscIdAsc(String sha256);

  List<StoredAttachment> findByCaseKeyOrderByUploadedAtAscIdAsc(String caseKey);

  /** The files uploaded to any task of one process instance, oldest first. */
  @Query(
      """
      select a from StoredAttachment a
      where a.taskId in (select t.id from InboxTask t
                         where t.processInstanceKey = :processInstanceKey)
      order by a.uploadedAt asc, a.id asc
      """)
  List<StoredAttachment> findByProcessInstance(
      @Param("processInstanceKey") long processInstanceKey);

  @Query("select a.storageKey from StoredAttachment a where a.storageKey in :keys")
  Set<String> findStorageKeysIn(@Param("keys") Collection<String> keys);
}
