package com.partnerflow.engine;

import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The engine's record stream for several readers. The library's source appends new records to a
 * plain list on every read, so two threads reading at once could corrupt it or see it change under
 * their iteration; here each read appends under a lock and answers a copy.
 */
final class SynchronizedRecordStream implements RecordStreamSource {

  private final RecordStreamSource delegate;

  SynchronizedRecordStream(RecordStreamSource delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<Record<?>> getRecords() {
    return from(0);
  }

  /** The records from the given index (0 is the first record) to the latest one. */
  synchronized List<Record<?>> from(int index) {
    List<Record<?>> copy = new ArrayList<>();
    int i = 0;
    for (Record<?> record : delegate.getRecords()) {
      if (i++ >= index) {
        copy.add(record);
      }
    }
    return Collections.unmodifiableList(copy);
  }
}
