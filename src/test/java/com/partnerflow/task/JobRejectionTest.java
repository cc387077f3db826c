package com.partnerflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.ProblemDetail;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** One engine rejection, as each transport of the Camunda client reports it. */
class JobRejectionTest {

  @Test
  void grpcNotFoundIsAVanishedJob() {
    assertThat(JobRejection.of(grpc(Status.NOT_FOUND))).isEqualTo(JobRejection.NOT_FOUND);
  }

  @Test
  void restNotFoundProblemIsAVanishedJob() {
    assertThat(JobRejection.of(rest(404, "NOT_FOUND"))).isEqualTo(JobRejection.NOT_FOUND);
  }

  @Test
  void grpcFailedPreconditionIsAJobInAnotherState() {
    assertThat(JobRejection.of(grpc(Status.FAILED_PRECONDITION)))
        .isEqualTo(JobRejection.INVALID_STATE);
  }

  @Test
  void restConflictProblemIsAJobInAnotherState() {
    assertThat(JobRejection.of(rest(409, "INVALID_STATE"))).isEqualTo(JobRejection.INVALID_STATE);
  }

  @Test
  void unavailableEngineSaysNothingAboutTheJob() {
    assertThat(JobRejection.of(grpc(Status.UNAVAILABLE))).isEqualTo(JobRejection.OTHER);
    assertThat(JobRejection.of(rest(503, "SERVICE_UNAVAILABLE"))).isEqualTo(JobRejection.OTHER);
    assertThat(JobRejection.of(rest(401, "UNAUTHORIZED"))).isEqualTo(JobRejection.OTHER);
  }

  @Test
  void a404WithoutProblemBodyIsNoRejectionOfTheGateway() {
    // What a proxy or a wrong camunda.client.rest-address answers: the job may well exist.
    assertThat(JobRejection.of(new ClientHttpException(404, "Not Found")))
        .isEqualTo(JobRejection.OTHER);
  }

  @Test
  void wrappedFailuresAreReadThrough() {
    assertThat(JobRejection.of(new CompletionException(rest(404, "NOT_FOUND"))))
        .isEqualTo(JobRejection.NOT_FOUND);
    assertThat(JobRejection.of(new CompletionException(grpc(Status.FAILED_PRECONDITION))))
        .isEqualTo(JobRejection.INVALID_STATE);
    assertThat(JobRejection.of(new IllegalStateException("no client")))
        .isEqualTo(JobRejection.OTHER);
  }

  static ClientStatusException grpc(Status status) {
    return new ClientStatusException(status.withDescription("rejected by the engine"), null);
  }

  /** As the 8.8 client builds it from the gateway's application/problem+json answer. */
  static ProblemException rest(int status, String title) {
    ProblemDetail detail =
        new ProblemDetail()
            .setStatus(status)
            .setTitle(title)
            .setDetail("Command 'COMPLETE' rejected with code '" + title + "'");
    return new ProblemException(status, "HTTP " + status, detail);
  }
}
