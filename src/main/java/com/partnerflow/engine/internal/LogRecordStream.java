package com.partnerflow.engine.internal;

import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The engine's log as records, what zeebe-process-test's {@code RecordStreamSourceImpl} answers,
 * for less: that class builds an empty value of every one of the ~60 value types ({@code
 * UnifiedRecordValue.allRecordsMap()}) for each record it reads, to use one of them. In the service
 * the cancelled-jobs and error watches read every record, and that map took a seventh of the
 * service's CPU at 5–6 approved requests/s (issue 15). Here each record gets only the value of its
 * own type. Like the library's source it keeps every record read and adds the new ones on each
 * call.
 */
public final class LogRecordStream implements RecordStreamSource {

  private final LogStreamReader reader;
  private final int partitionId;
  private final List<Record<?>> records = new ArrayList<>();
  private long lastPosition = -1;

  public LogRecordStream(LogStreamReader reader, int partitionId) {
    this.reader = reader;
    this.partitionId = partitionId;
  }

  @Override
  public Iterable<Record<?>> getRecords() {
    synchronized (reader) {
      readNewRecords();
      return Collections.unmodifiableList(records);
    }
  }

  private void readNewRecords() {
    if (lastPosition < 0) {
      reader.seekToFirstEvent();
    } else {
      reader.seekToNextEvent(lastPosition);
    }
    while (reader.hasNext()) {
      LoggedEvent event = reader.next();
      records.add(toRecord(event));
      lastPosition = event.getPosition();
    }
  }

  private Record<?> toRecord(LoggedEvent event) {
    RecordMetadata metadata = new RecordMetadata();
    event.readMetadata(metadata);
    UnifiedRecordValue value = UnifiedRecordValue.fromValueType(metadata.getValueType());
    event.readValue(value);
    return new CopiedRecord<>(
        value,
        metadata,
        event.getKey(),
        partitionId,
        event.getPosition(),
        event.getSourceEventPosition(),
        event.getTimestamp());
  }
}
