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
 * own type.
 *
 * <p>The service reads with {@link #after}, which keeps nothing: each reader keeps the position it
 * read up to. Keeping every record read, as the library's source does, held about 5 KB of heap per
 * record, hundreds of records per request, for as long as the service ran (232,000 records, 1.1 GB,
 * in one throughput benchmark). {@link #getRecords()} still keeps them, for the record-stream
 * assertions of process tests, which ask for the whole stream again and again.
 */
public final class LogRecordStream implements RecordStreamSource {

  private final LogStreamReader reader;
  private final int partitionId;
  private final List<Record<?>> kept = new ArrayList<>();
  private long keptUpTo = -1;

  public LogRecordStream(LogStreamReader reader, int partitionId) {
    this.reader = reader;
    this.partitionId = partitionId;
  }

  /** Every record so far, kept from one call to the next (for record-stream assertions). */
  @Override
  public Iterable<Record<?>> getRecords() {
    synchronized (reader) {
      List<Record<?>> fresh = read(keptUpTo);
      if (!fresh.isEmpty()) {
        kept.addAll(fresh);
        keptUpTo = fresh.getLast().getPosition();
      }
      return Collections.unmodifiableList(kept);
    }
  }

  /** The records after the log position ({@code -1}: all of them), read now and not kept. */
  public List<Record<?>> after(long position) {
    synchronized (reader) {
      return read(position);
    }
  }

  private List<Record<?>> read(long after) {
    if (after < 0) {
      reader.seekToFirstEvent();
    } else {
      reader.seekToNextEvent(after);
    }
    List<Record<?>> read = new ArrayList<>();
    while (reader.hasNext()) {
      read.add(toRecord(reader.next()));
    }
    return read;
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
