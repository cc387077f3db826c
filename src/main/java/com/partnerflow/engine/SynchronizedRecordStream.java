package com.partnerflow.engine;

import com.partnerflow.engine.internal.LogRecordStream;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The engine's record stream for several readers. The library's source appends new records to a
 * plain list on every read, so two threads reading at once could corrupt it or see it change under
 * their iteration; here each read happens under a lock and answers a copy. Readers keep the
 * position of the last record they read and ask for the records {@link #after} it.
 */
final class SynchronizedRecordStream implements RecordStreamSource {

  private final RecordStreamSource delegate;

  SynchronizedRecordStream(RecordStreamSource delegate) {
    this.delegate = delegate;
  }

  /** Every record so far; the stream keeps them for the next call (record-stream assertions). */
  @Override
  public synchronized List<Record<?>> getRecords() {
    List<Record<?>> copy = new ArrayList<>();
    delegate.getRecords().forEach(copy::add);
    return Collections.unmodifiableList(copy);
  }

  /**
   * The records after the log position ({@code -1}: all of them). The service's own stream ({@link
   * LogRecordStream}) reads them from the log and keeps none; the library's keeps every record, so
   * from it they are a copy of its tail.
   */
  synchronized List<Record<?>> after(long position) {
    if (delegate instanceof LogRecordStream log) {
      return log.after(position);
    }
    List<Record<?>> copy = new ArrayList<>();
    for (Record<?> record : delegate.getRecords()) {
      if (record.getPosition() > position) {
        copy.add(record);
      }
    }
    return Collections.unmodifiableList(copy);
  }
}
