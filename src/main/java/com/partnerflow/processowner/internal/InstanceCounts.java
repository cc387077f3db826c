package com.partnerflow.processowner.internal;

import com.partnerflow.engine.EmbeddedZeebeEngine;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Instances per process definition, counted from the embedded engine's records: started, ended
 * (completed or cancelled) and open incidents. Each call reads only the records since the previous
 * one. On a cluster, whose records go to its exporters, there is nothing to count: {@link #of}
 * answers empty.
 */
@Component
public class InstanceCounts {

  /** The counts of one process definition version. */
  public record Counts(long running, long completed, long incidents) {}

  private final ObjectProvider<EmbeddedZeebeEngine> engine;
  private final Map<Long, long[]> byDefinition = new HashMap<>();
  private int read;

  InstanceCounts(ObjectProvider<EmbeddedZeebeEngine> engine) {
    this.engine = engine;
  }

  /** The counts of a definition key, or empty when this service cannot see the engine's records. */
  public synchronized Optional<Counts> of(long processDefinitionKey) {
    EmbeddedZeebeEngine embedded = engine.getIfAvailable();
    if (embedded == null) {
      return Optional.empty();
    }
    var fresh = embedded.recordsFrom(read);
    fresh.forEach(this::count);
    read += fresh.size();
    long[] c = byDefinition.getOrDefault(processDefinitionKey, new long[4]);
    return Optional.of(new Counts(c[0] - c[1] - c[2], c[1], c[3]));
  }

  private void count(Record<?> record) {
    if (record.getRecordType() != RecordType.EVENT) {
      return;
    }
    if (record.getValue() instanceof ProcessInstanceRecordValue instance
        && instance.getBpmnElementType() == BpmnElementType.PROCESS) {
      int slot =
          switch ((ProcessInstanceIntent) record.getIntent()) {
            case ELEMENT_ACTIVATED -> 0;
            case ELEMENT_COMPLETED -> 1;
            case ELEMENT_TERMINATED -> 2;
            default -> -1;
          };
      add(instance.getProcessDefinitionKey(), slot, 1);
    } else if (record.getValue() instanceof IncidentRecordValue incident) {
      if (record.getIntent() == IncidentIntent.CREATED) {
        add(incident.getProcessDefinitionKey(), 3, 1);
      } else if (record.getIntent() == IncidentIntent.RESOLVED) {
        add(incident.getProcessDefinitionKey(), 3, -1);
      }
    }
  }

  private void add(long definitionKey, int slot, int delta) {
    if (slot >= 0) {
      byDefinition.computeIfAbsent(definitionKey, k -> new long[4])[slot] += delta;
    }
  }
}
