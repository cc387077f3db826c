package com.partnerflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.partnerflow.engine.CanceledJobs;
import com.partnerflow.engine.InstanceActivity;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The check of busy instances: only the open tasks of instances that did work are asked about,
 * never the instances' new steps, in queries of at most 500 instances, and each instance once.
 */
class TaskLivenessTest {

  static final Instant NOW = Instant.parse("2026-05-14T10:00:00Z");

  InboxTasks tasks = mock(InboxTasks.class);
  TaskInbox inbox = mock(TaskInbox.class);
  HumanTaskGateway engine = mock(HumanTaskGateway.class);
  InstanceActivity activity = new InstanceActivity();
  TaskLiveness liveness = liveness();

  @Test
  void asksTheEngineOnlyAboutTheOlderOpenTasksOfBusyInstancesAndClosesTheVanishedOnes() {
    InboxTask interrupted = task(11L);
    InboxTask waiting = task(12L);
    when(tasks.findByProcessInstanceKeyInAndStateAndCheckedAtBefore(
            List.of(1L), TaskState.OPEN, NOW.minus(TaskLiveness.NEW_STEP)))
        .thenReturn(List.of(interrupted, waiting));
    when(engine.stillExists(11L)).thenReturn(false);
    when(engine.stillExists(12L)).thenReturn(true);

    activity.record(1L);
    activity.record(1L);

    assertThat(liveness.checkTasksOfBusyInstances()).isEqualTo(1);
    verify(inbox).markOpenTaskVanished(11L);
    verify(inbox, never()).markOpenTaskVanished(12L);
    verify(engine, times(1)).stillExists(11L);
  }

  @Test
  void withoutActivityNothingIsAskedOfTheDatabaseOrTheEngine() {
    assertThat(liveness.checkTasksOfBusyInstances()).isZero();

    verifyNoInteractions(engine, inbox);
    verify(tasks, never())
        .findByProcessInstanceKeyInAndStateAndCheckedAtBefore(anyCollection(), any(), any());
  }

  @Test
  void instancesAreTakenOnceAndQueriedFiveHundredAtATime() {
    LongStream.rangeClosed(1, 1_200).forEach(activity::record);

    liveness.checkTasksOfBusyInstances();
    liveness.checkTasksOfBusyInstances();

    @SuppressWarnings("unchecked")
    ArgumentCaptor<Collection<Long>> queried = ArgumentCaptor.forClass(Collection.class);
    verify(tasks, times(3))
        .findByProcessInstanceKeyInAndStateAndCheckedAtBefore(
            queried.capture(), eq(TaskState.OPEN), eq(NOW.minus(TaskLiveness.NEW_STEP)));
    List<Long> all = new ArrayList<>();
    queried.getAllValues().forEach(all::addAll);
    assertThat(queried.getAllValues()).extracting(Collection::size).containsExactly(500, 500, 200);
    assertThat(all).doesNotHaveDuplicates().hasSize(1_200);
  }

  @Test
  void aTaskTheEngineCannotAnswerForStaysOpenForTheNextRound() {
    InboxTask unanswered = task(21L);
    when(tasks.findByProcessInstanceKeyInAndStateAndCheckedAtBefore(anyCollection(), any(), any()))
        .thenReturn(List.of(unanswered));
    when(engine.stillExists(21L)).thenThrow(new IllegalStateException("engine unavailable"));
    activity.record(2L);

    assertThat(liveness.checkTasksOfBusyInstances()).isZero();
    verifyNoInteractions(inbox);
  }

  @Test
  void aTaskClosedMeanwhileByAnotherCheckIsReadAgainInsteadOfFailingTheRound() {
    InboxTask raced = task(31L);
    InboxTask next = task(32L);
    when(tasks.findByProcessInstanceKeyInAndStateAndCheckedAtBefore(anyCollection(), any(), any()))
        .thenReturn(List.of(raced, next));
    when(engine.stillExists(31L)).thenReturn(false);
    when(engine.stillExists(32L)).thenReturn(false);
    doThrow(new ObjectOptimisticLockingFailureException(InboxTask.class, 31L))
        .doNothing()
        .when(inbox)
        .markOpenTaskVanished(31L);
    activity.record(3L);

    assertThat(liveness.checkTasksOfBusyInstances()).isEqualTo(2);
    verify(inbox, times(2)).markOpenTaskVanished(31L);
    verify(inbox).markOpenTaskVanished(32L);
  }

  @Test
  void completionsStartedLongerAgoThanTheLeaseAreSettledByWhatTheEngineStillHas() {
    Instant before = NOW.minus(TaskSettings.defaults().completingLease());
    InboxTask neverSent = task(51L);
    InboxTask accepted = task(52L);
    InboxTask unanswered = task(53L);
    when(tasks.findByStateInAndCheckedAtBeforeOrderByCheckedAtAsc(
            eq(List.of(TaskState.COMPLETING)), eq(before), any()))
        .thenReturn(List.of(neverSent, accepted, unanswered));
    when(engine.stillExists(51L)).thenReturn(true);
    when(engine.stillExists(52L)).thenReturn(false);
    when(engine.stillExists(53L)).thenThrow(new IllegalStateException("engine unavailable"));

    liveness.checkOpenTasks();

    verify(inbox).settleInterruptedCompletion(51L, true);
    verify(inbox).settleInterruptedCompletion(52L, false);
    verify(inbox, never()).settleInterruptedCompletion(eq(53L), anyBoolean());
    assertThat(liveness.settleCompletionsStartedBefore(before)).isEqualTo(2);
  }

  private static InboxTask task(long id) {
    InboxTask task = mock(InboxTask.class);
    when(task.getId()).thenReturn(id);
    return task;
  }

  @SuppressWarnings("unchecked")
  private TaskLiveness liveness() {
    return new TaskLiveness(
        tasks,
        inbox,
        engine,
        TaskSettings.defaults(),
        mock(TransactionTemplate.class),
        Clock.fixed(NOW, ZoneOffset.UTC),
        (ObjectProvider<CanceledJobs>) mock(ObjectProvider.class),
        activity);
  }
}
