package com.partnerflow.engine;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ErrorRecordValue;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceCreationRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Reads the embedded engine's record stream for the two marks the engine leaves when it cannot
 * process a command: an ERROR record (the instance is banned and never advances again) or a
 * rejection of type {@code PROCESSING_ERROR} (the command is refused, e.g. a job completion or an
 * instance creation, and fails again on every retry). Reads only the records that arrived since the
 * last call; a failure is listed once per instance, since its first occurrence.
 */
class EngineErrorWatch implements StuckInstances {

  private final RecordCursor records;
  private final Supplier<List<Record<?>>> allRecords;
  private final ElementNames names;
  private final Map<Long, StuckInstance> stuck = new LinkedHashMap<>();

  EngineErrorWatch(
      LongFunction<List<Record<?>>> recordsAfter,
      Supplier<List<Record<?>>> allRecords,
      ElementNames names) {
    this.records = new RecordCursor(recordsAfter);
    this.allRecords = allRecords;
    this.names = names;
  }

  @Override
  public synchronized List<StuckInstance> current() {
    for (Record<?> record : records.next()) {
      if (record.getValue() instanceof ErrorRecordValue error) {
        List<Record<?>> all = allRecords.get();
        int failed = indexOfPosition(all, error.getErrorEventPosition());
        note(
            record,
            locate(all, failed, error.getProcessInstanceKey()),
            error.getExceptionMessage());
      } else if (record.getRecordType() == RecordType.COMMAND_REJECTION
          && record.getRejectionType() == RejectionType.PROCESSING_ERROR) {
        // The rejection carries the failed command's key and value.
        List<Record<?>> all = allRecords.get();
        note(
            record,
            locate(all, indexOfPosition(all, record.getPosition()), -1),
            record.getRejectionReason());
      } else if (!stuck.isEmpty() && endsInstance(record)) {
        stuck.remove(record.getKey());
      }
    }
    return List.copyOf(stuck.values());
  }

  private void note(Record<?> failure, Where where, String error) {
    long key = where.processInstanceKey() > 0 ? where.processInstanceKey() : -failure.getPosition();
    String name =
        where.elementId() == null ? null : names.nameOf(where.bpmnProcessId(), where.elementId());
    stuck.putIfAbsent(
        key,
        new StuckInstance(
            where.processInstanceKey() > 0 ? where.processInstanceKey() : -1,
            where.bpmnProcessId(),
            where.elementId(),
            name,
            error,
            Instant.ofEpochMilli(failure.getTimestamp())));
  }

  /** A stuck instance that is cancelled (or ends otherwise) no longer needs anyone. */
  private static boolean endsInstance(Record<?> record) {
    return record.getValue() instanceof ProcessInstanceRecordValue value
        && value.getBpmnElementType() == BpmnElementType.PROCESS
        && (record.getIntent() == ProcessInstanceIntent.ELEMENT_TERMINATED
            || record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED);
  }

  record Where(String bpmnProcessId, String elementId, long processInstanceKey) {}

  /**
   * Where the failed command (at index {@code failed}, or -1 when not found) points: its own
   * element, the element of the job it addressed, the process it would have created, or the
   * instance's latest element.
   */
  static Where locate(List<Record<?>> records, int failed, long instance) {
    if (failed >= 0) {
      Record<?> command = records.get(failed);
      Object value = command.getValue();
      if (value instanceof ProcessInstanceRecordValue p && present(p.getElementId())) {
        return new Where(p.getBpmnProcessId(), p.getElementId(), p.getProcessInstanceKey());
      }
      if (value instanceof JobRecordValue) {
        Where job = latest(records, failed, r -> jobElement(r, command.getKey()));
        if (job != null) {
          return job;
        }
      }
      if (value instanceof ProcessInstanceCreationRecordValue c) {
        return new Where(c.getBpmnProcessId(), null, instance);
      }
    }
    Where latest =
        instance > 0
            ? latest(records, failed >= 0 ? failed : records.size(), r -> element(r, instance))
            : null;
    return latest != null ? latest : new Where(null, null, instance);
  }

  private static Where jobElement(Record<?> record, long jobKey) {
    return record.getKey() == jobKey
            && record.getValue() instanceof JobRecordValue job
            && present(job.getElementId())
        ? new Where(job.getBpmnProcessId(), job.getElementId(), job.getProcessInstanceKey())
        : null;
  }

  private static Where element(Record<?> record, long instance) {
    return record.getValue() instanceof ProcessInstanceRecordValue p
            && p.getProcessInstanceKey() == instance
            && p.getBpmnElementType() != BpmnElementType.PROCESS
        ? new Where(p.getBpmnProcessId(), p.getElementId(), instance)
        : null;
  }

  private static Where latest(
      List<Record<?>> records, int before, Function<Record<?>, Where> match) {
    for (int i = before - 1; i >= 0; i--) {
      Where where = match.apply(records.get(i));
      if (where != null) {
        return where;
      }
    }
    return null;
  }

  private static boolean present(String id) {
    return id != null && !id.isEmpty();
  }

  /** Positions grow along the stream, so a binary search finds the failed command. */
  private static int indexOfPosition(List<Record<?>> records, long position) {
    int low = 0;
    int high = records.size() - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      long at = records.get(mid).getPosition();
      if (at < position) {
        low = mid + 1;
      } else if (at > position) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
