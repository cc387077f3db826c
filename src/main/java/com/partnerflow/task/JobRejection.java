package com.partnerflow.task;

import com.partnerflow.engine.EngineAnswer;
import io.grpc.Status;

/**
 * How the engine refused a command on a job, the same over both transports of the Camunda client.
 * The gateway turns one engine rejection into a gRPC status or a REST problem response (8.8's
 * RestErrorMapper: {@code NOT_FOUND} → 404, {@code INVALID_STATE} → 409), and the client throws
 * {@link ClientStatusException} or {@link ProblemException}. Reading only one of them would make
 * vanished tasks go unnoticed as soon as the client prefers the other transport (REST is the
 * client's default in 8.8).
 */
enum JobRejection {

  /** The job is gone: its element was interrupted or its instance cancelled. */
  NOT_FOUND,

  /** The job exists but not in a state for this command, e.g. its lease ran out. */
  INVALID_STATE,

  /** Anything else: unavailable, timed out, unauthorized, … — not a statement about the job. */
  OTHER;

  /**
   * Classifies the failure of a job command. Only a problem response is a rejection by the gateway:
   * a bare 404 or 409 without a problem body (a proxy, a wrong rest-address) says nothing about the
   * job and must not drop tasks from the inbox.
   */
  static JobRejection of(Throwable failure) {
    return switch (EngineAnswer.of(failure).orElse(null)) {
      case EngineAnswer.Grpc grpc -> fromGrpc(grpc.code());
      case EngineAnswer.Problem rest -> fromHttp(rest.status());
      case null -> OTHER;
    };
  }

  private static JobRejection fromGrpc(Status.Code code) {
    return switch (code) {
      case NOT_FOUND -> NOT_FOUND;
      case FAILED_PRECONDITION -> INVALID_STATE;
      default -> OTHER;
    };
  }

  private static JobRejection fromHttp(int status) {
    return switch (status) {
      case 404 -> NOT_FOUND;
      case 409 -> INVALID_STATE;
      default -> OTHER;
    };
  }
}
