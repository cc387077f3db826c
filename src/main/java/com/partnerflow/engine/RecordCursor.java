package com.partnerflow.engine;

import io.camunda.zeebe.protocol.record.Record;
import java.util.List;
import java.util.function.LongFunction;

/**
 * A reader's place in the embedded engine's record stream: each {@link #next} answers the records
 * that arrived since the previous call, by the log position of the last record read, so that
 * nothing has to keep the records a reader has passed. Not thread-safe: its reader holds a lock
 * around it.
 */
public final class RecordCursor {

  private final LongFunction<List<Record<?>>> recordsAfter;
  private long position = -1;

  /** A cursor before the first record of {@code recordsAfter} (position {@code -1}: all). */
  public RecordCursor(LongFunction<List<Record<?>>> recordsAfter) {
    this.recordsAfter = recordsAfter;
  }

  /** The records since the previous call (since the first record on the first call). */
  public List<Record<?>> next() {
    List<Record<?>> fresh = recordsAfter.apply(position);
    if (!fresh.isEmpty()) {
      position = fresh.getLast().getPosition();
    }
    return fresh;
  }
}
