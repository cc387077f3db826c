package com.partnerflow.engine;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Reads cancelled jobs from the embedded engine's record stream: each call reads only the records
 * that arrived since the previous call for the same job type, so its cost follows the engine's
 * recent work, not the number of open tasks.
 */
class RecordStreamCanceledJobs implements CanceledJobs {

  private final IntFunction<List<Record<?>>> recordsFrom;
  private final Map<String, Integer> read = new HashMap<>();

  RecordStreamCanceledJobs(IntFunction<List<Record<?>>> recordsFrom) {
    this.recordsFrom = recordsFrom;
  }

  @Override
  public synchronized List<Long> takeCanceled(String jobType) {
    int from = read.getOrDefault(jobType, 0);
    List<Record<?>> fresh = recordsFrom.apply(from);
    List<Long> canceled = new ArrayList<>();
    for (Record<?> record : fresh) {
      if (record.getRecordType() == RecordType.EVENT
          && record.getIntent() == JobIntent.CANCELED
          && record.getValue() instanceof JobRecordValue job
          && jobType.equals(job.getType())) {
        canceled.add(record.getKey());
      }
    }
    read.put(jobType, from + fresh.size());
    return canceled;
  }
}
