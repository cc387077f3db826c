package com.partnerflow.task.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps uploaded files in one directory ({@code partnerflow.attachments.directory}), one file per
 * key. A file is written under a temporary name and moved into place when complete, so a reader
 * never sees half a file. Without a configured directory it uses a new temporary directory and
 * removes it on shutdown: the embedded mode keeps nothing.
 */
@Component
class FileSystemAttachmentStorage implements AttachmentStorage, DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(FileSystemAttachmentStorage.class);

  /** Keys are made by the service (UUIDs); anything else never reaches the file system. */
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,99}");

  private static final String PARTIAL_PREFIX = ".upload-";

  private final Path root;
  private final boolean temporary;

  FileSystemAttachmentStorage(AttachmentProperties properties) throws IOException {
    this.temporary = properties.directory() == null;
    this.root =
        temporary
            ? Files.createTempDirectory("partnerflow-attachments-")
            : Files.createDirectories(properties.directory());
    log.info(
        "Task attachments are kept in {}{}",
        root,
        temporary
            ? " (temporary: removed on shutdown; set partnerflow.attachments.directory)"
            : "");
  }

  @Override
  public void store(String key, InputStream content) throws IOException {
    Path target = resolve(key);
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Path partial = Files.createTempFile(root, PARTIAL_PREFIX, ".part");
    try {
      Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }

  @Override
  public InputStream open(String key) throws IOException {
    return Files.newInputStream(resolve(key));
  }

  @Override
  public void delete(String key) throws IOException {
    Files.deleteIfExists(resolve(key));
  }

  @Override
  public List<String> keysWrittenBefore(Instant cutoff) throws IOException {
    List<String> keys = new ArrayList<>();
    try (Stream<Path> files = Files.list(root)) {
      for (Path file : files.toList()) {
        if (!Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)) {
          continue;
        }
        String name = file.getFileName().toString();
        if (name.startsWith(PARTIAL_PREFIX)) {
          Files.deleteIfExists(file);
        } else if (KEY.matcher(name).matches()) {
          keys.add(name);
        }
      }
    }
    return keys;
  }

  /** The directory the files are in. */
  Path root() {
    return root;
  }

  private Path resolve(String key) {
    if (key == null || !KEY.matcher(key).matches()) {
      throw new IllegalArgumentException("Not a storage key: " + key);
    }
    return root.resolve(key);
  }

  @Override
  public void destroy() throws IOException {
    if (!temporary) {
      return;
    }
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
