package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.client.ZeebeClient;
import io.camunda.zeebe.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.protocol.Protocol;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The user task jobs that the engine cancels — a boundary timer interrupts the task, or the
 * instance is cancelled — are read from the record stream once each, and completed or other jobs
 * are not mistaken for them.
 */
class RecordStreamCanceledJobsTest {

  private static final BpmnModelInstance REVIEW_WITH_SLA =
      Bpmn.createExecutableProcess("review-with-sla")
          .startEvent()
          .userTask("ReviewTask")
          .boundaryEvent("SlaBreachedEvent", timer -> timer.timerWithDuration("PT1H"))
          .endEvent()
          .moveToActivity("ReviewTask")
          .serviceTask("NotifyTask", task -> task.zeebeJobType("test.notify"))
          .endEvent()
          .done();

  @Test
  void cancelledUserTaskJobsAreReadOnceEachAndOnlyThose() throws Exception {
    var engine = new EmbeddedZeebeEngine(freePort());
    engine.start();
    try (ZeebeClient client = engine.engine().createClient()) {
      var canceledJobs = new RecordStreamCanceledJobs(engine::recordsAfter);
      client.newDeployResourceCommand().addProcessModel(REVIEW_WITH_SLA, "r.bpmn").send().join();
      long interrupted = start(client);
      long cancelled = start(client);
      long completed = start(client);
      List<ActivatedJob> jobs = userTaskJobs(client, 3);
      long interruptedJob = jobOf(jobs, interrupted);
      long cancelledJob = jobOf(jobs, cancelled);
      long completedJob = jobOf(jobs, completed);

      client.newCompleteCommand(completedJob).send().join();
      client.newCancelInstanceCommand(cancelled).send().join();
      engine.engine().waitForIdleState(Duration.ofSeconds(10));
      assertThat(canceledJobs.takeCanceled(Protocol.USER_TASK_JOB_TYPE))
          .containsExactly(cancelledJob);

      // The other two instances' SLA timers fire; only the still open review is interrupted.
      engine.increaseTime(Duration.ofHours(1));
      List<Long> later = new ArrayList<>();
      await()
          .atMost(Duration.ofSeconds(15))
          .untilAsserted(
              () -> {
                later.addAll(canceledJobs.takeCanceled(Protocol.USER_TASK_JOB_TYPE));
                assertThat(later).containsExactly(interruptedJob);
              });
      assertThat(canceledJobs.takeCanceled(Protocol.USER_TASK_JOB_TYPE)).isEmpty();
      assertThat(new RecordStreamCanceledJobs(engine::recordsAfter).takeCanceled("test.notify"))
          .isEmpty();
    } finally {
      engine.stop();
    }
  }

  private static long start(ZeebeClient client) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId("review-with-sla")
        .latestVersion()
        .send()
        .join()
        .getProcessInstanceKey();
  }

  private static List<ActivatedJob> userTaskJobs(ZeebeClient client, int count) {
    List<ActivatedJob> jobs = new ArrayList<>();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              jobs.addAll(
                  client
                      .newActivateJobsCommand()
                      .jobType(Protocol.USER_TASK_JOB_TYPE)
                      .maxJobsToActivate(count)
                      .send()
                      .join()
                      .getJobs());
              return jobs.size() >= count;
            });
    return jobs;
  }

  private static long jobOf(List<ActivatedJob> jobs, long instance) {
    return jobs.stream()
        .filter(job -> job.getProcessInstanceKey() == instance)
        .findFirst()
        .orElseThrow()
        .getKey();
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
