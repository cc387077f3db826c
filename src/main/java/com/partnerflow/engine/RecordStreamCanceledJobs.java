package com.partnerflow.engine;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * Reads cancelled jobs from the embedded engine's record stream: each call reads only the records
 * that arrived since the previous call for the same job type, so its cost follows the engine's
 * recent work, not the number of open tasks.
 */
class RecordStreamCanceledJobs implements CanceledJobs {

  private final LongFunction<List<Record<?>>> recordsAfter;
  private final Map<String, RecordCursor> read = new HashMap<>();

  RecordStreamCanceledJobs(LongFunction<List<Record<?>>> recordsAfter) {
    this.recordsAfter = recordsAfter;
  }

  @Override
  public synchronized List<Long> takeCanceled(String jobType) {
    List<Record<?>> fresh =
        read.computeIfAbsent(jobType, type -> new RecordCursor(recordsAfter)).next();
    List<Long> canceled = new ArrayList<>();
    for (Record<?> record : fresh) {
      if (record.getRecordType() == RecordType.EVENT
          && record.getIntent() == JobIntent.CANCELED
          && record.getValue() instanceof JobRecordValue job
          && jobType.equals(job.getType())) {
        canceled.add(record.getKey());
      }
    }
    return canceled;
  }
}
