package com.partnerflow.task.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/**
 * Files without a metadata row and unfinished uploads go once they are older than the grace;
 * referenced files and anything younger stay. Runs on the real file-system adapter.
 */
class OrphanedFileSweepTest {

  static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

  @TempDir Path directory;
  FileSystemAttachmentStorage storage;
  StoredAttachments attachments = mock(StoredAttachments.class);
  Set<String> rows = new HashSet<>();
  OrphanedFileSweep sweep;

  @BeforeEach
  void setUp() throws IOException {
    AttachmentProperties properties =
        new AttachmentProperties(
            directory,
            DataSize.ofMegabytes(10),
            List.of("application/pdf"),
            Set.of(),
            Duration.ofHours(1),
            Duration.ofHours(1));
    storage = new FileSystemAttachmentStorage(properties);
    when(attachments.findStorageKeysIn(anyCollection()))
        .thenAnswer(
            call -> {
              Collection<String> keys = call.getArgument(0);
              assertThat(keys).as("keys in one lookup").hasSizeLessThanOrEqualTo(500);
              Set<String> found = new HashSet<>(keys);
              found.retainAll(rows);
              return found;
            });
    sweep =
        new OrphanedFileSweep(storage, attachments, properties, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  Path stored(String key, Duration age) throws IOException {
    storage.store(key, new ByteArrayInputStream(key.getBytes()));
    return aged(directory.resolve(key), age);
  }

  static Path aged(Path file, Duration age) throws IOException {
    Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
    return file;
  }

  @Test
  void removesOldFilesWithoutARowAndOldUnfinishedUploadsOnly() throws IOException {
    Path referenced = stored("referenced-old", Duration.ofDays(3));
    rows.add("referenced-old");
    Path orphan = stored("orphan-old", Duration.ofHours(2));
    Path young = stored("orphan-young", Duration.ofMinutes(10));
    Path oldPartial =
        aged(Files.createFile(directory.resolve(".upload-123.part")), Duration.ofHours(5));
    Path youngPartial =
        aged(Files.createFile(directory.resolve(".upload-456.part")), Duration.ofMinutes(1));

    assertThat(sweep.sweep()).containsExactly("orphan-old");

    assertThat(orphan).doesNotExist();
    assertThat(oldPartial).doesNotExist();
    assertThat(referenced).exists();
    assertThat(young).exists();
    assertThat(youngPartial).exists();
    assertThat(sweep.sweep()).as("a second sweep finds nothing").isEmpty();
  }

  @Test
  void looksUpRowsInChunksForLargeStores() throws IOException {
    for (int i = 0; i < 1_203; i++) {
      stored("file-" + i, Duration.ofHours(2));
      if (i % 2 == 0) {
        rows.add("file-" + i);
      }
    }

    assertThat(sweep.sweep()).hasSize(601).allMatch(k -> Integer.parseInt(k.substring(5)) % 2 == 1);
    try (var left = Files.list(directory)) {
      assertThat(left.count()).isEqualTo(602);
    }
  }
}
