package com.partnerflow.task;

import com.partnerflow.engine.ElementNames;
import com.partnerflow.engine.InstanceActivity;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.worker.JobClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.client.lifecycle.CamundaClientLifecycleAware;
import io.camunda.zeebe.protocol.Protocol;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The {@link HumanTaskGateway} for job-worker user tasks: one worker for the job type {@code
 * io.camunda.zeebe:userTask} keeps every activated job (it never completes it by itself) and
 * projects it into the inbox; completion and liveness go through the job's key.
 */
@Component
class JobWorkerHumanTasks implements HumanTaskGateway, CamundaClientLifecycleAware {

  private static final Logger log = LoggerFactory.getLogger(JobWorkerHumanTasks.class);
  private static final Duration PROJECTION_RETRY_BACKOFF = Duration.ofSeconds(10);

  private final ObjectProvider<CamundaClient> client;
  private final TaskInbox inbox;
  private final ElementNames elementNames;
  private final TaskProperties properties;
  private final InstanceActivity activity;
  private volatile JobWorker worker;

  JobWorkerHumanTasks(
      ObjectProvider<CamundaClient> client,
      TaskInbox inbox,
      ElementNames elementNames,
      TaskProperties properties,
      InstanceActivity activity) {
    this.client = client;
    this.inbox = inbox;
    this.elementNames = elementNames;
    this.properties = properties;
    this.activity = activity;
  }

  @Override
  public void onStart(CamundaClient camunda) {
    worker =
        camunda
            .newWorker()
            .jobType(Protocol.USER_TASK_JOB_TYPE)
            .handler(this::project)
            .name("partnerflow-task-inbox")
            // Short until the task is in the inbox (project), so a job that reached an instance
            // killed before its row was committed is handed out again soon, not after the lease.
            .timeout(properties.projectionLease())
            .streamEnabled(true)
            .open();
    log.info(
        "Task inbox subscribed to user task jobs (lease {} until in the inbox, then {})",
        properties.projectionLease(),
        properties.jobTimeout());
  }

  @Override
  public void onStop(CamundaClient camunda) {
    if (worker != null) {
      worker.close();
    }
  }

  /**
   * A projection that fails (database down) fails the job with backoff, so after the last retry an
   * incident shows it; the job is never lost.
   */
  void project(JobClient jobClient, ActivatedJob job) {
    try (var pi =
            MDC.putCloseable("processInstanceKey", Long.toString(job.getProcessInstanceKey()));
        var jk = MDC.putCloseable("jobKey", Long.toString(job.getKey()))) {
      inbox.project(UserTaskJobs.from(job, elementNames::nameOf));
      // A new task may be the escalation of one its instance's boundary event just interrupted.
      activity.record(job.getProcessInstanceKey());
      extendLease(job);
    } catch (RuntimeException e) {
      log.error("Cannot put task {} into the inbox; failing the job", job.getKey(), e);
      jobClient
          .newFailCommand(job.getKey())
          .retries(Math.max(job.getRetries() - 1, 0))
          .retryBackoff(PROJECTION_RETRY_BACKOFF)
          .errorMessage("Task inbox projection failed: " + e.getMessage())
          .send()
          .join();
    }
  }

  /**
   * The task is in the inbox: the job keeps the long lease the liveness checks renew. Should the
   * engine not take the extension, the short lease runs out and the job comes back to be put into
   * the inbox again (an idempotent update) and extended then.
   */
  private void extendLease(ActivatedJob job) {
    try {
      client
          .getObject()
          .newUpdateTimeoutCommand(job.getKey())
          .timeout(properties.jobTimeout())
          .send()
          .join();
    } catch (ClientException e) {
      log.warn(
          "Task {} is in the inbox but its lease was not extended; it comes back in {}: {}",
          job.getKey(),
          properties.projectionLease(),
          e.getMessage());
    }
  }

  /** Rejections are read from gRPC and REST alike ({@link JobRejection}). */
  @Override
  public void complete(long taskId, Map<String, Object> variables) {
    try {
      client.getObject().newCompleteCommand(taskId).variables(variables).send().join();
    } catch (ClientException e) {
      throw JobRejection.of(e) == JobRejection.NOT_FOUND ? new TaskVanishedException(taskId) : e;
    }
  }

  @Override
  public boolean stillExists(long taskId) {
    try {
      client
          .getObject()
          .newUpdateTimeoutCommand(taskId)
          .timeout(properties.jobTimeout())
          .send()
          .join();
      return true;
    } catch (ClientException e) {
      return switch (JobRejection.of(e)) {
        case NOT_FOUND -> false;
        // The job exists but its lease ran out: the engine hands it to our worker again.
        case INVALID_STATE -> true;
        case OTHER -> throw e;
      };
    }
  }
}
