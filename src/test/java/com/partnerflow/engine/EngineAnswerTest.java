package com.partnerflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.api.ProblemDetail;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * The engine's answer inside a failed command, over gRPC and REST, through the client's wrapping.
 */
class EngineAnswerTest {

  @Test
  void theClientsGrpcFailureAndABareGrpcFailureCarryTheirStatus() {
    assertThat(
            EngineAnswer.of(
                new CompletionException(
                    new ClientStatusException(
                        Status.ALREADY_EXISTS.withDescription("message exists"), null))))
        .containsInstanceOf(EngineAnswer.Grpc.class)
        .get()
        .extracting(answer -> ((EngineAnswer.Grpc) answer).code())
        .isEqualTo(Status.Code.ALREADY_EXISTS);
    assertThat(
            EngineAnswer.grpcCodeOf(
                new IllegalStateException(Status.RESOURCE_EXHAUSTED.asRuntimeException())))
        .isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
  }

  @Test
  void aProblemResponseCarriesItsHttpStatusAndHasNoGrpcCode() {
    ProblemDetail detail = new ProblemDetail().setStatus(409).setTitle("ALREADY_EXISTS");
    ProblemException problem = new ProblemException(409, "HTTP 409", detail);

    assertThat(EngineAnswer.of(new CompletionException(problem)))
        .contains(new EngineAnswer.Problem(409, problem.getMessage()));
    assertThat(EngineAnswer.grpcCodeOf(problem)).isEqualTo(Status.Code.UNKNOWN);
  }

  @Test
  void aFailureWithoutAnAnswerOfTheEngineHasNone() {
    assertThat(EngineAnswer.of(new ClientHttpException(404, "Not Found from a proxy"))).isEmpty();
    assertThat(EngineAnswer.of(new IllegalStateException("connection refused"))).isEmpty();
    assertThat(EngineAnswer.grpcCodeOf(new IllegalStateException("no status")))
        .isEqualTo(Status.Code.UNKNOWN);
  }
}
