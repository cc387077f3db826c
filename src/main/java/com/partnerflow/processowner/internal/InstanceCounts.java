package com.partnerflow.processowner.internal;

import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.engine.RecordCursor;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.IncidentRecordValue;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private final Map<Long, Set<Long>> runningByDefinition = new HashMap<>();
  private RecordCursor records;

  InstanceCounts(ObjectProvider<EmbeddedZeebeEngine> engine) {
    this.engine = engine;
  }

  /** The counts of a definition key, or empty when this service cannot see the engine's records. */
  public synchronized Optional<Counts> of(long processDefinitionKey) {
    if (!readFresh()) {
      return Optional.empty();
    }
    long[] c = byDefinition.getOrDefault(processDefinitionKey, new long[4]);
    return Optional.of(new Counts(c[0] - c[1] - c[2], c[1], c[3]));
  }

  /**
   * The keys of the running instances of a definition, oldest first, or empty when this service
   * cannot see the engine's records.
   */
  public synchronized Optional<List<Long>> runningInstances(long processDefinitionKey) {
    if (!readFresh()) {
      return Optional.empty();
    }
    return Optional.of(
        List.copyOf(runningByDefinition.getOrDefault(processDefinitionKey, Set.of())));
  }

  private boolean readFresh() {
    EmbeddedZeebeEngine embedded = engine.getIfAvailable();
    if (embedded == null) {
      return false;
    }
    if (records == null) {
      records = new RecordCursor(embedded::recordsAfter);
    }
    records.next().forEach(this::count);
    return true;
  }

  private void count(Record<?> record) {
    if (record.getRecordType() != RecordType.EVENT) {
      return;
    }
    if (record.getValue() instanceof ProcessInstanceRecordValue instance
        && instance.getBpmnElementType() == BpmnElementType.PROCESS) {
      if (record.getIntent() == ProcessInstanceIntent.ELEMENT_MIGRATED) {
        migrated(instance);
        return;
      }
      int slot =
          switch ((ProcessInstanceIntent) record.getIntent()) {
            case ELEMENT_ACTIVATED -> 0;
            case ELEMENT_COMPLETED -> 1;
            case ELEMENT_TERMINATED -> 2;
            default -> -1;
          };
      add(instance.getProcessDefinitionKey(), slot, 1);
      Set<Long> running =
          runningByDefinition.computeIfAbsent(
              instance.getProcessDefinitionKey(), k -> new LinkedHashSet<>());
      if (slot == 0) {
        running.add(instance.getProcessInstanceKey());
      } else if (slot > 0) {
        running.remove(instance.getProcessInstanceKey());
      }
    } else if (record.getValue() instanceof IncidentRecordValue incident) {
      if (record.getIntent() == IncidentIntent.CREATED) {
        add(incident.getProcessDefinitionKey(), 3, 1);
      } else if (record.getIntent() == IncidentIntent.RESOLVED) {
        add(incident.getProcessDefinitionKey(), 3, -1);
      }
    }
  }

  /** A migrated instance counts as started in its new definition, and no longer in its old one. */
  private void migrated(ProcessInstanceRecordValue instance) {
    long key = instance.getProcessInstanceKey();
    runningByDefinition.forEach(
        (definition, running) -> {
          if (running.remove(key)) {
            add(definition, 0, -1);
          }
        });
    runningByDefinition
        .computeIfAbsent(instance.getProcessDefinitionKey(), k -> new LinkedHashSet<>())
        .add(key);
    add(instance.getProcessDefinitionKey(), 0, 1);
  }

  private void add(long definitionKey, int slot, int delta) {
    if (slot >= 0) {
      byDefinition.computeIfAbsent(definitionKey, k -> new long[4])[slot] += delta;
    }
  }
}
