package com.partnerflow.task.attachment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Removes stored files that no metadata row points to: the file is written before its row, so a
 * crash (or a lost database) between the two leaves it behind, and unfinished uploads of a crash
 * mid-write. Only files older than {@code partnerflow.attachments.orphan-grace} are touched, so an
 * upload in progress on any instance is never taken. Instances may sweep at the same time: removing
 * a removed file changes nothing.
 */
@Component
class OrphanedFileSweep {

  private static final Logger log = LoggerFactory.getLogger(OrphanedFileSweep.class);

  /** Keys per database lookup, well below any database's parameter limit. */
  private static final int LOOKUP_CHUNK = 500;

  private final AttachmentStorage storage;
  private final StoredAttachments attachments;
  private final AttachmentProperties properties;
  private final Clock wallClock;

  /** File times are wall-clock times, so the sweep reads the wall clock, not the business clock. */
  @Autowired
  OrphanedFileSweep(
      AttachmentStorage storage, StoredAttachments attachments, AttachmentProperties properties) {
    this(storage, attachments, properties, Clock.systemUTC());
  }

  OrphanedFileSweep(
      AttachmentStorage storage,
      StoredAttachments attachments,
      AttachmentProperties properties,
      Clock wallClock) {
    this.storage = storage;
    this.attachments = attachments;
    this.properties = properties;
    this.wallClock = wallClock;
  }

  /** Removes the orphaned files; returns their keys. */
  @Scheduled(
      fixedDelayString = "${partnerflow.attachments.orphan-sweep-interval:PT1H}",
      initialDelayString = "${partnerflow.attachments.orphan-sweep-interval:PT1H}")
  List<String> sweep() {
    Instant cutoff = wallClock.instant().minus(properties.orphanGrace());
    try {
      List<String> candidates = storage.keysWrittenBefore(cutoff);
      if (candidates.isEmpty()) {
        return List.of();
      }
      Set<String> referenced = new HashSet<>();
      for (int from = 0; from < candidates.size(); from += LOOKUP_CHUNK) {
        referenced.addAll(
            attachments.findStorageKeysIn(
                candidates.subList(from, Math.min(candidates.size(), from + LOOKUP_CHUNK))));
      }
      List<String> orphans = candidates.stream().filter(k -> !referenced.contains(k)).toList();
      for (String key : orphans) {
        storage.delete(key);
      }
      if (!orphans.isEmpty()) {
        log.warn(
            "Removed {} stored file(s) without an attachment row, older than {}: {}",
            orphans.size(),
            cutoff,
            orphans);
      }
      return orphans;
    } catch (IOException e) {
      throw new UncheckedIOException("The sweep for orphaned attachment files failed", e);
    }
  }
}
