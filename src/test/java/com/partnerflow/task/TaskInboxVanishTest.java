package com.partnerflow.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * Which task states leave the inbox as vanished. The liveness checks read a task as open and then
 * ask the engine; a completion that went through in between (on this or another service instance)
 * leaves the engine without the job, and the task must stay with that completion. Found by the
 * reliability tier: two instances, an approver's completion answered 500 and the task was recorded
 * as vanished instead of completed.
 */
class TaskInboxVanishTest {

  static final Instant NOW = Instant.parse("2026-05-14T10:00:00Z");

  InboxTasks tasks = mock(InboxTasks.class);
  TaskEvents events = mock(TaskEvents.class);
  TaskInbox inbox =
      new TaskInbox(
          tasks,
          events,
          new ObjectMapper(),
          TaskSettings.defaults(),
          Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void theLivenessCheckLeavesATaskThatACompletionTookMeanwhile() {
    InboxTask completing = task(41L, TaskState.COMPLETING);

    inbox.markOpenTaskVanished(41L);

    verify(completing, never()).close(any(), any(), any());
    verify(events, never()).save(any());
  }

  @Test
  void theLivenessCheckClosesAnOpenTaskTheEngineNoLongerHas() {
    InboxTask open = task(42L, TaskState.OPEN);

    inbox.markOpenTaskVanished(42L);

    verify(open).close(TaskState.VANISHED, null, NOW);
    ArgumentCaptor<TaskEvent> event = ArgumentCaptor.forClass(TaskEvent.class);
    verify(events).save(event.capture());
    assertThat(event.getValue().getTaskId()).isEqualTo(42L);
  }

  @Test
  void aCompletionWhoseTaskVanishedClosesItWhileCompleting() {
    InboxTask completing = task(43L, TaskState.COMPLETING);

    inbox.markVanished(43L);

    verify(completing).close(TaskState.VANISHED, null, NOW);
  }

  @Test
  void anInterruptedCompletionTheEngineNeverReceivedOpensTheTaskAgainForItsAssignee() {
    InboxTask completing = task(44L, TaskState.COMPLETING);
    when(completing.getAssignee()).thenReturn("carol");

    inbox.settleInterruptedCompletion(44L, true);

    verify(completing).reopen();
    verify(completing, never()).close(any(), any(), any());
    verify(completing, never()).assignTo(any());
    ArgumentCaptor<TaskEvent> event = ArgumentCaptor.forClass(TaskEvent.class);
    verify(events).save(event.capture());
    assertThat(event.getValue().getAction()).isEqualTo(TaskEvent.Action.REOPENED);
    assertThat(event.getValue().getDetail()).contains("carol");
  }

  @Test
  void anInterruptedCompletionWhoseTaskTheEngineNoLongerHasLeavesTheInboxNamingIt() {
    InboxTask completing = task(45L, TaskState.COMPLETING);
    when(completing.getAssignee()).thenReturn("carol");

    inbox.settleInterruptedCompletion(45L, false);

    verify(completing).close(TaskState.VANISHED, null, NOW);
    verify(completing, never()).reopen();
    ArgumentCaptor<TaskEvent> event = ArgumentCaptor.forClass(TaskEvent.class);
    verify(events).save(event.capture());
    assertThat(event.getValue().getAction()).isEqualTo(TaskEvent.Action.VANISHED);
    assertThat(event.getValue().getDetail()).contains("completion by carol");
  }

  @Test
  void settlingLeavesTasksThatAreNoLongerBeingCompleted() {
    InboxTask open = task(46L, TaskState.OPEN);
    InboxTask completed = task(47L, TaskState.COMPLETED);

    inbox.settleInterruptedCompletion(46L, true);
    inbox.settleInterruptedCompletion(47L, false);

    verify(open, never()).reopen();
    verify(completed, never()).close(any(), any(), any());
    verify(events, never()).save(any());
  }

  private InboxTask task(long id, TaskState state) {
    InboxTask task = mock(InboxTask.class);
    when(task.getId()).thenReturn(id);
    when(task.getState()).thenReturn(state);
    when(tasks.findById(id)).thenReturn(Optional.of(task));
    return task;
  }
}
