package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.zeebe.protocol.record.ImmutableRecord;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RecordValue;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ErrorIntent;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceCreationIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ImmutableErrorRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableJobRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceCreationRecordValue;
import io.camunda.zeebe.protocol.record.value.ImmutableProcessInstanceRecordValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EngineErrorWatchTest {

  private static final long INSTANCE = 2251799813685249L;
  private static final long JOB = 2251799813685300L;

  private final List<Record<?>> stream = new ArrayList<>();
  private final List<Long> readAfter = new ArrayList<>();
  private EngineErrorWatch watch;

  @BeforeEach
  void watchTheStream() {
    ElementNames names = mock(ElementNames.class);
    when(names.nameOf(anyString(), anyString())).thenAnswer(a -> "name of " + a.getArgument(1));
    watch =
        new EngineErrorWatch(
            position -> {
              readAfter.add(position);
              return stream.stream().filter(r -> r.getPosition() > position).toList();
            },
            () -> List.copyOf(stream),
            names);
  }

  @Test
  void aBannedInstanceIsShownAtItsLatestElement() {
    element(ProcessInstanceIntent.ELEMENT_ACTIVATED, "ScreenApplicationTask");
    element(ProcessInstanceIntent.ELEMENT_ACTIVATED, "ProposeTierTask");
    long failed =
        append(
            command(
                ValueType.PROCESS_INSTANCE,
                ProcessInstanceIntent.ACTIVATE_ELEMENT,
                7,
                processInstance("")));
    append(engineError(failed, "Expected DMN evaluation result …"));

    assertThat(watch.current())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.processInstanceKey()).isEqualTo(INSTANCE);
              assertThat(s.bpmnProcessId()).isEqualTo("partner-onboarding");
              assertThat(s.elementId()).isEqualTo("ProposeTierTask");
              assertThat(s.elementName()).isEqualTo("name of ProposeTierTask");
              assertThat(s.error()).isEqualTo("Expected DMN evaluation result …");
              assertThat(s.since()).isEqualTo(Instant.ofEpochMilli(1_000L * stream.size()));
            });
  }

  @Test
  void aRefusedJobCompletionIsShownAtTheJobsElementOnceHoweverOftenItFails() {
    append(
        event(
            ValueType.JOB,
            JobIntent.CREATED,
            JOB,
            ImmutableJobRecordValue.builder()
                .withBpmnProcessId("partner-onboarding")
                .withElementId("SendApplicationReceivedTask")
                .withProcessInstanceKey(INSTANCE)
                .build()));
    for (int attempt = 0; attempt < 3; attempt++) {
      append(
          processingError(
              ValueType.JOB, JobIntent.COMPLETE, JOB, ImmutableJobRecordValue.builder().build()));
    }

    var stuck = watch.current();

    assertThat(stuck).hasSize(1);
    assertThat(stuck.get(0).elementId()).isEqualTo("SendApplicationReceivedTask");
    assertThat(stuck.get(0).processInstanceKey()).isEqualTo(INSTANCE);
    assertThat(stuck.get(0).since()).isEqualTo(Instant.ofEpochMilli(2_000L));
  }

  @Test
  void aRefusedInstanceCreationNamesTheProcessButNoInstance() {
    append(
        processingError(
            ValueType.PROCESS_INSTANCE_CREATION,
            ProcessInstanceCreationIntent.CREATE,
            -1,
            ImmutableProcessInstanceCreationRecordValue.builder()
                .withBpmnProcessId("mdf-request")
                .build()));

    assertThat(watch.current())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.processInstanceKey()).isEqualTo(-1);
              assertThat(s.bpmnProcessId()).isEqualTo("mdf-request");
              assertThat(s.elementId()).isNull();
            });
  }

  @Test
  void readsOnlyNewRecordsAndForgetsAnInstanceThatEnds() {
    element(ProcessInstanceIntent.ELEMENT_ACTIVATED, "ProposeTierTask");
    append(engineError(-1, "boom"));
    assertThat(watch.current()).hasSize(1);

    append(
        event(
            ValueType.PROCESS_INSTANCE,
            ProcessInstanceIntent.ELEMENT_TERMINATED,
            INSTANCE,
            ImmutableProcessInstanceRecordValue.builder()
                .withBpmnProcessId("partner-onboarding")
                .withElementId("partner-onboarding")
                .withBpmnElementType(BpmnElementType.PROCESS)
                .withProcessInstanceKey(INSTANCE)
                .build()));

    assertThat(watch.current()).isEmpty();
    // Each call reads after the last position it read: nothing is read twice.
    assertThat(readAfter).containsExactly(-1L, 2L);
  }

  private void element(Intent intent, String elementId) {
    append(
        event(
            ValueType.PROCESS_INSTANCE,
            intent,
            INSTANCE + stream.size(),
            processInstance(elementId)));
  }

  private static ImmutableProcessInstanceRecordValue processInstance(String elementId) {
    return ImmutableProcessInstanceRecordValue.builder()
        .withBpmnProcessId("partner-onboarding")
        .withElementId(elementId)
        .withBpmnElementType(BpmnElementType.SERVICE_TASK)
        .withProcessInstanceKey(INSTANCE)
        .build();
  }

  private long append(ImmutableRecord.Builder<RecordValue> record) {
    long position = stream.size() + 1;
    stream.add(record.withPosition(position).withTimestamp(1_000L * position).build());
    return position;
  }

  private static ImmutableRecord.Builder<RecordValue> event(
      ValueType type, Intent intent, long key, RecordValue value) {
    return ImmutableRecord.builder()
        .withRecordType(RecordType.EVENT)
        .withValueType(type)
        .withIntent(intent)
        .withKey(key)
        .withValue(value);
  }

  private static ImmutableRecord.Builder<RecordValue> engineError(
      long failedPosition, String message) {
    return event(
        ValueType.ERROR,
        ErrorIntent.CREATED,
        -1,
        ImmutableErrorRecordValue.builder()
            .withProcessInstanceKey(INSTANCE)
            .withErrorEventPosition(failedPosition)
            .withExceptionMessage(message)
            .build());
  }

  private static ImmutableRecord.Builder<RecordValue> command(
      ValueType type, Intent intent, long key, RecordValue value) {
    return event(type, intent, key, value).withRecordType(RecordType.COMMAND);
  }

  private static ImmutableRecord.Builder<RecordValue> processingError(
      ValueType type, Intent intent, long key, RecordValue value) {
    return event(type, intent, key, value)
        .withRecordType(RecordType.COMMAND_REJECTION)
        .withRejectionType(RejectionType.PROCESSING_ERROR)
        .withRejectionReason("Expected DMN evaluation result …");
  }
}
