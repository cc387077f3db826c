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

  /**
   * The records from the given index (0 is the first record) to the latest one. The library answers
   * a list, so a reader that keeps its index pays for the new records only.
   */
  synchronized List<Record<?>> from(int index) {
    Iterable<Record<?>> all = delegate.getRecords();
    if (all instanceof List<Record<?>> list) {
      return index >= list.size() ? List.of() : List.copyOf(list.subList(index, list.size()));
    }
    List<Record<?>> copy = new ArrayList<>();
    int i = 0;
    for (Record<?> record : all) {
      if (i++ >= index) {
        copy.add(record);
      }
    }
    return Collections.unmodifiableList(copy);
  }
}
