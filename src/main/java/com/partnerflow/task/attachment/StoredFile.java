package com.partnerflow.task.attachment;

import java.time.Instant;

/** A file as it was checked and written to the storage, before its row exists. */
record StoredFile(
    String fileName,
    String contentType,
    String sha256,
    long size,
    String storageKey,
    Instant storedAt) {}
