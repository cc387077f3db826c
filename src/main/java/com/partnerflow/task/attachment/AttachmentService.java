package com.partnerflow.task.attachment;

import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.common.TemporarilyUnavailableException;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.Attachment;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.TaskInbox;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.apache.commons.io.input.BoundedInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads and downloads of evidence files. An upload is checked completely (task, name, size, type
 * from the content) before anything is written; then the content goes to the {@link
 * AttachmentStorage} with its SHA-256 computed on the way, and only then its row is written. A
 * failure to write the row removes the stored content again, so a refused or failed upload leaves
 * neither row nor file.
 */
@Service
class AttachmentService {

  private static final Logger log = LoggerFactory.getLogger(AttachmentService.class);

  private final TaskInbox inbox;
  private final StoredAttachments attachments;
  private final AttachmentStorage storage;
  private final FileTypes types;
  private final AttachmentProperties properties;
  private final TransactionTemplate transaction;
  private final Clock clock;

  AttachmentService(
      TaskInbox inbox,
      StoredAttachments attachments,
      AttachmentStorage storage,
      FileTypes types,
      AttachmentProperties properties,
      TransactionTemplate transaction,
      Clock clock,
      MultipartProperties multipart) {
    long requestCap = multipart.getMaxRequestSize().toBytes();
    if (requestCap >= 0 && requestCap <= properties.maxSize().toBytes()) {
      throw new IllegalStateException(
          "spring.servlet.multipart.max-request-size ("
              + multipart.getMaxRequestSize()
              + ") must be larger than partnerflow.attachments.max-size ("
              + properties.maxSize()
              + "): the upload request carries the file and its form around it");
    }
    this.inbox = inbox;
    this.attachments = attachments;
    this.storage = storage;
    this.types = types;
    this.properties = properties;
    this.transaction = transaction;
    this.clock = clock;
  }

  /**
   * Stores a file for a task the user may complete now.
   *
   * @param file null when the request had no part {@code file}
   */
  Attachment upload(long taskId, MultipartFile file, PartnerflowUser user) {
    InboxTask task = inbox.workableTask(taskId, user);
    return upload(taskId, null, task.getPartnerId(), file, user);
  }

  /**
   * Stores a file for a case ({@code caseKey}) of {@code partnerId}; the caller has checked that
   * the user may hand it in. The same checks as for a task's file.
   */
  Attachment uploadToCase(
      String caseKey, String partnerId, MultipartFile file, PartnerflowUser user) {
    return upload(null, caseKey, partnerId, file, user);
  }

  private Attachment upload(
      Long taskId, String caseKey, String partnerId, MultipartFile file, PartnerflowUser user) {
    if (file == null) {
      throw InvalidRequestException.of(
          FileTypes.FIELD, "is missing: send the file as the multipart part 'file'");
    }
    String fileName = FileNames.check(file.getOriginalFilename());
    if (file.isEmpty()) {
      throw InvalidRequestException.of(FileTypes.FIELD, "is empty");
    }
    long maxBytes = properties.maxSize().toBytes();
    if (file.getSize() > maxBytes) {
      throw UnacceptableFile.tooLarge(
          FileTypes.FIELD,
          "has " + file.getSize() + " bytes; at most " + maxBytes + " bytes are accepted");
    }
    String contentType;
    try (InputStream content = file.getInputStream()) {
      contentType = types.check(fileName, file.getContentType(), content);
    } catch (IOException e) {
      throw unavailable(e);
    }
    String id = UUID.randomUUID().toString();
    StoredFile stored = store(id, fileName, contentType, file, maxBytes);
    try {
      StoredAttachment saved =
          transaction.execute(
              s ->
                  attachments.save(
                      new StoredAttachment(
                          id, taskId, caseKey, partnerId, user.username(), stored)));
      log.info(
          "Attachment {} ({}, {} bytes, sha256 {}) uploaded to {} by {}",
          id,
          contentType,
          stored.size(),
          stored.sha256(),
          taskId == null ? caseKey : "task " + taskId,
          user.username());
      return saved.toAttachment();
    } catch (RuntimeException e) {
      deleteQuietly(stored.storageKey(), e);
      throw e;
    }
  }

  private StoredFile store(
      String key, String fileName, String contentType, MultipartFile file, long maxBytes) {
    MessageDigest sha256 = sha256();
    try (InputStream raw = file.getInputStream()) {
      BoundedInputStream counted =
          BoundedInputStream.builder().setInputStream(raw).setMaxCount(maxBytes + 1).get();
      storage.store(key, new DigestInputStream(counted, sha256));
      long size = counted.getCount();
      if (size != file.getSize() || size > maxBytes) {
        deleteQuietly(key, null);
        throw new IOException(
            "Read " + size + " bytes of an upload of " + file.getSize() + " bytes");
      }
      return new StoredFile(
          fileName,
          contentType,
          HexFormat.of().formatHex(sha256.digest()),
          size,
          key,
          clock.instant());
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  /** The files of a task the user may see, oldest first. */
  List<Attachment> ofTask(long taskId, PartnerflowUser user) {
    inbox.visibleTask(taskId, user);
    return attachments.findByTaskIdOrderByUploadedAtAscIdAsc(taskId).stream()
        .map(StoredAttachment::toAttachment)
        .toList();
  }

  /**
   * A file the user may read: a partner user their own organisation's, a member of a reader group
   * any, anyone what they uploaded themselves. Others get not found, as for an unknown id.
   */
  StoredAttachment readable(String id, PartnerflowUser user) {
    return attachments
        .findById(id)
        .filter(a -> mayRead(user, a))
        .orElseThrow(() -> new NotFoundException("Attachment " + id));
  }

  /** The content of a readable attachment; the caller closes it. */
  InputStream content(StoredAttachment attachment) {
    try {
      return storage.open(attachment.getStorageKey());
    } catch (java.nio.file.NoSuchFileException e) {
      log.warn("The content of attachment {} is missing from the storage", attachment.getId());
      throw new NotFoundException("The content of attachment " + attachment.getId());
    } catch (IOException e) {
      throw unavailable(e);
    }
  }

  private boolean mayRead(PartnerflowUser user, StoredAttachment attachment) {
    if (user.isPartnerUser()) {
      return user.partnerId().equals(attachment.getPartnerId());
    }
    return user.username().equals(attachment.getUploadedBy())
        || user.groups().stream().anyMatch(properties.readerGroups()::contains);
  }

  private void deleteQuietly(String key, Exception cause) {
    try {
      storage.delete(key);
    } catch (IOException e) {
      log.error("Could not remove the stored file {} of a failed upload", key, e);
      if (cause != null) {
        cause.addSuppressed(e);
      }
    }
  }

  private static TemporarilyUnavailableException unavailable(IOException e) {
    return new TemporarilyUnavailableException(
        "The file could not be stored or read; try again", e);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
