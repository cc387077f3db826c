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
 * <p>The service reads with {@link #after}: each reader keeps the position it read up to. The
 * stream converts each record once and keeps only the latest {@link #RECENT} (up to twice as many
 * before it drops them in bulk), which the readers that keep up (the cancelled-jobs watch, every
 * second) share; a reader further behind (incidents, instance counts, read when someone looks) has
 * its older records read from the log anew. Keeping every record read, as the library's source
 * does, held about 5 KB of heap per record, hundreds of records per request, for as long as the
 * service ran (232,000 records, 1.1 GB, in one throughput benchmark). {@link #getRecords()} still
 * keeps them all, for the record-stream assertions of process tests, which ask for the whole stream
 * again and again.
 */
public final class LogRecordStream implements RecordStreamSource {

  /** How many of the latest records stay converted for the readers (~5 KB each), at least. */
  static final int RECENT = 8_192;

  private final LogStreamReader reader;
  private final int partitionId;
  private final int recentLimit;
  private final List<Record<?>> recent = new ArrayList<>();
  private long readUpTo = -1;
  private long droppedUpTo = -1;
  private final List<Record<?>> kept = new ArrayList<>();

  public LogRecordStream(LogStreamReader reader, int partitionId) {
    this(reader, partitionId, RECENT);
  }

  /** A stream that keeps the latest {@code recentLimit} records converted (tests: a few). */
  public LogRecordStream(LogStreamReader reader, int partitionId, int recentLimit) {
    this.reader = reader;
    this.partitionId = partitionId;
    this.recentLimit = recentLimit;
  }

  /** Every record so far, kept from one call to the next (for record-stream assertions). */
  @Override
  public Iterable<Record<?>> getRecords() {
    synchronized (reader) {
      kept.addAll(after(kept.isEmpty() ? -1 : kept.getLast().getPosition()));
      return Collections.unmodifiableList(kept);
    }
  }

  /** The records after the log position ({@code -1}: all of them). */
  public List<Record<?>> after(long position) {
    synchronized (reader) {
      readNewRecords();
      if (position >= droppedUpTo) {
        return List.copyOf(recent.subList(firstAfter(position), recent.size()));
      }
      // Behind the recent records: the older ones once more from the log, then the recent ones.
      List<Record<?>> records = read(position, droppedUpTo);
      records.addAll(recent);
      return records;
    }
  }

  private void readNewRecords() {
    List<Record<?>> fresh = read(readUpTo, Long.MAX_VALUE);
    if (fresh.isEmpty()) {
      return;
    }
    recent.addAll(fresh);
    readUpTo = fresh.getLast().getPosition();
    // Drop in bulk once twice the limit is held, so that dropping costs little per record.
    if (recent.size() > 2 * recentLimit) {
      List<Record<?>> dropped = recent.subList(0, recent.size() - recentLimit);
      droppedUpTo = dropped.getLast().getPosition();
      dropped.clear();
    }
  }

  /** The index of the first recent record after the position (positions grow along the log). */
  private int firstAfter(long position) {
    int low = 0;
    int high = recent.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (recent.get(mid).getPosition() <= position) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /** The records of the log after position {@code after} up to position {@code upTo}. */
  private List<Record<?>> read(long after, long upTo) {
    if (after < 0) {
      reader.seekToFirstEvent();
    } else {
      reader.seekToNextEvent(after);
    }
    List<Record<?>> read = new ArrayList<>();
    while (reader.hasNext()) {
      LoggedEvent event = reader.next();
      if (event.getPosition() > upTo) {
        break;
      }
      read.add(toRecord(event));
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
