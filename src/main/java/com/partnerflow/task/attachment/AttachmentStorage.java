package com.partnerflow.task.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;

/**
 * Where the content of uploaded files lives, outside the database. The service names each file with
 * a key of its own making (never the uploaded name). {@link FileSystemAttachmentStorage} keeps them
 * in a directory; several service instances need a directory they share, or another adapter (an
 * object store) of this port.
 */
public interface AttachmentStorage {

  /**
   * Stores the content under a new key; the file becomes visible under the key only when it is
   * written completely. A failure leaves nothing behind.
   *
   * @throws IOException also when the key exists already
   */
  void store(String key, InputStream content) throws IOException;

  /** The stored content; the caller closes it. */
  InputStream open(String key) throws IOException;

  /** Removes the content; nothing happens when there is none. */
  void delete(String key) throws IOException;

  /**
   * The keys of the files completely written before {@code cutoff}; also removes uploads that
   * started before it and never finished (a crash mid-write).
   */
  List<String> keysWrittenBefore(Instant cutoff) throws IOException;
}
