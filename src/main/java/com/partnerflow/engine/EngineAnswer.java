package com.partnerflow.engine;

import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Optional;

/**
 * What the engine's gateway answered to a command that failed, read through the client's wrapping
 * exceptions, over both transports of the Camunda client: a gRPC status, or a REST problem
 * response. A failure with neither (a timeout in the client, a refused connection, a bare HTTP
 * error without a problem body from a proxy) is no answer of the engine, and says nothing about the
 * command's subject.
 */
public sealed interface EngineAnswer {

  /** A gRPC status: the client's {@link ClientStatusException} or a bare gRPC exception. */
  record Grpc(Status.Code code, String message) implements EngineAnswer {}

  /** A REST problem response of the gateway, with its HTTP status. */
  record Problem(int status, String message) implements EngineAnswer {}

  /** The engine's answer inside a failure, the outermost one found; empty if it holds none. */
  static Optional<EngineAnswer> of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ClientStatusException client) {
        return Optional.of(new Grpc(client.getStatusCode(), client.getMessage()));
      }
      if (t instanceof StatusRuntimeException grpc) {
        return Optional.of(new Grpc(grpc.getStatus().getCode(), grpc.getMessage()));
      }
      if (t instanceof ProblemException rest) {
        return Optional.of(new Problem(rest.code(), rest.getMessage()));
      }
    }
    return Optional.empty();
  }

  /** The gRPC status code of a failure; {@code UNKNOWN} when the engine sent none. */
  static Status.Code grpcCodeOf(Throwable failure) {
    return of(failure)
        .map(answer -> answer instanceof Grpc grpc ? grpc.code() : Status.Code.UNKNOWN)
        .orElse(Status.Code.UNKNOWN);
  }
}
