package com.partnerflow.bench;

import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.JobRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a request's time goes between engine and workers, read from the engine's own records (their
 * timestamps, engine clock, milliseconds): for each job type of {@code processId} in the order the
 * process reaches them, the engine's time before the job (from the previous job's completion, or
 * the instance's activation, to the job's creation) and the job's time out of the engine (creation
 * to completion: delivery to the worker, the worker's work, and its completion command). Counts the
 * instances that activated at or after {@code since}; a job counts out of the engine once it
 * completed. The next job is created in the batch that completes the last, so "engine before" is
 * near 0 unless the engine itself waits (a timer, a message).
 */
final class EngineStages {

  private EngineStages() {}

  static String of(List<Record<?>> records, String processId, long since) {
    Map<Long, List<Record<?>>> byInstance = new HashMap<>();
    Set<Long> instances = new HashSet<>();
    for (Record<?> record : records) {
      if (record.getTimestamp() < since) {
        continue;
      }
      if (record.getValueType() == ValueType.PROCESS_INSTANCE
          && record.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED
          && record.getValue() instanceof ProcessInstanceRecordValue value
          && value.getBpmnElementType() == BpmnElementType.PROCESS
          && value.getBpmnProcessId().equals(processId)) {
        instances.add(value.getProcessInstanceKey());
        byInstance
            .computeIfAbsent(value.getProcessInstanceKey(), k -> new ArrayList<>())
            .add(record);
      } else if (record.getValueType() == ValueType.JOB
          && (record.getIntent() == JobIntent.CREATED || record.getIntent() == JobIntent.COMPLETED)
          && record.getValue() instanceof JobRecordValue job
          && job.getBpmnProcessId().equals(processId)) {
        byInstance.computeIfAbsent(job.getProcessInstanceKey(), k -> new ArrayList<>()).add(record);
      }
    }
    Map<String, List<Double>> before = new LinkedHashMap<>();
    Map<String, List<Double>> out = new LinkedHashMap<>();
    for (Long instance : instances) {
      long last = -1;
      Map<Long, Long> created = new HashMap<>();
      for (Record<?> record : byInstance.get(instance)) {
        if (record.getValueType() == ValueType.PROCESS_INSTANCE) {
          last = record.getTimestamp();
        } else if (record.getValue() instanceof JobRecordValue job) {
          if (record.getIntent() == JobIntent.CREATED) {
            created.put(record.getKey(), record.getTimestamp());
            if (last >= 0) {
              before
                  .computeIfAbsent(job.getType(), t -> new ArrayList<>())
                  .add((double) record.getTimestamp() - last);
            }
          } else if (created.containsKey(record.getKey())) {
            out.computeIfAbsent(job.getType(), t -> new ArrayList<>())
                .add((double) record.getTimestamp() - created.get(record.getKey()));
            last = record.getTimestamp();
          }
        }
      }
    }
    return before.keySet().stream()
        .map(
            type ->
                String.format(
                    "%s: engine before p50 %.0f ms, out of the engine p50 %.0f ms p95 %.0f ms",
                    type,
                    BenchReport.percentile(before.get(type), 50),
                    out.containsKey(type) ? BenchReport.percentile(out.get(type), 50) : -1.0,
                    out.containsKey(type) ? BenchReport.percentile(out.get(type), 95) : -1.0))
        .collect(Collectors.joining("; "));
  }
}
