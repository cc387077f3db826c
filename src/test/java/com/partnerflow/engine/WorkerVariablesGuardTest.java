package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.aop.aspectj.annotation.AspectJProxyFactory;

class WorkerVariablesGuardTest {

  static class Workers {
    int calls;

    @JobWorker(type = "test.declared")
    @WorkerVariables(
        requires = {"requestId"},
        produces = {"approved"})
    public Map<String, Object> declared(ActivatedJob job) {
      calls++;
      return Map.of("approved", true);
    }

    @JobWorker(type = "test.extra")
    @WorkerVariables(
        requires = {"requestId"},
        produces = {"approved"})
    public Map<String, Object> setsMore(ActivatedJob job) {
      return Map.of("approved", true, "riskLevel", "HIGH");
    }

    @JobWorker(type = "test.record")
    @WorkerVariables(produces = {"approved"})
    public Outcome returnsARecord(ActivatedJob job) {
      return new Outcome(true, "LOW");
    }

    @JobWorker(type = "test.error")
    @WorkerVariables(produces = {"reason"})
    public void throwsWithVariables(ActivatedJob job) {
      throw new BpmnError("REJECTED", "no", Map.of("reason", "no", "score", 3), null);
    }

    @JobWorker(type = "test.unannotated")
    public Map<String, Object> unannotated(ActivatedJob job) {
      return Map.of();
    }
  }

  record Outcome(boolean approved, String riskLevel) {}

  private static Workers guarded(Workers target, WorkerVariablesProperties.Undeclared mode) {
    AspectJProxyFactory factory = new AspectJProxyFactory(target);
    factory.setProxyTargetClass(true);
    factory.addAspect(new WorkerVariablesGuard(new WorkerVariablesProperties(mode)));
    return factory.getProxy();
  }

  private static ActivatedJob job(Map<String, Object> variables) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getVariablesAsMap()).thenReturn(variables);
    when(job.getType()).thenReturn("test.declared");
    when(job.getElementId()).thenReturn("CheckTask");
    return job;
  }

  @Test
  void aJobLackingARequiredVariableFailsBeforeTheWorkerRunsNamingIt() {
    Workers target = new Workers();
    Workers workers = guarded(target, WorkerVariablesProperties.Undeclared.LOG);

    assertThatThrownBy(() -> workers.declared(job(Map.of("amount", 5))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[requestId]")
        .hasMessageContaining("CheckTask");
    assertThat(target.calls).isZero();
  }

  @Test
  void aJobWithWhatItRequiresRunsAndReturnsWhatTheWorkerReturns() {
    Workers target = new Workers();
    Workers workers = guarded(target, WorkerVariablesProperties.Undeclared.FAIL);

    assertThat(workers.declared(job(Map.of("requestId", "r-1")))).containsEntry("approved", true);
    assertThat(target.calls).isEqualTo(1);
  }

  @Test
  void anUndeclaredOutputFailsTheJobInStrictModeAndOnlyWarnsOtherwise() {
    ActivatedJob job = job(Map.of("requestId", "r-1"));

    assertThatThrownBy(
            () -> guarded(new Workers(), WorkerVariablesProperties.Undeclared.FAIL).setsMore(job))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[riskLevel]");
    assertThat(guarded(new Workers(), WorkerVariablesProperties.Undeclared.LOG).setsMore(job))
        .containsKey("riskLevel");
  }

  @Test
  void aRecordsComponentsAndABpmnErrorsVariablesAreOutputsToo() {
    Workers strict = guarded(new Workers(), WorkerVariablesProperties.Undeclared.FAIL);
    ActivatedJob job = job(Map.of());

    assertThatThrownBy(() -> strict.returnsARecord(job)).hasMessageContaining("[riskLevel]");
    assertThatThrownBy(() -> strict.throwsWithVariables(job))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("[score]");
  }

  @Test
  void aWorkerWithoutTheAnnotationFailsInStrictMode() {
    ActivatedJob job = job(Map.of());

    assertThatThrownBy(
            () ->
                guarded(new Workers(), WorkerVariablesProperties.Undeclared.FAIL).unannotated(job))
        .hasMessageContaining("has no @WorkerVariables");
    assertThat(guarded(new Workers(), WorkerVariablesProperties.Undeclared.LOG).unannotated(job))
        .isEmpty();
  }
}
