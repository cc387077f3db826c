package com.partnerflow.disbursement;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.common.TemporarilyUnavailableException;
import com.partnerflow.engine.ProcessVariables;
import com.partnerflow.identity.PartnerflowUser;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;

/**
 * Finance's side of payments through the API: payment runs, confirmations and failures. Money moves
 * only in the process (the PAY of a confirmation is posted by {@code disbursement.record-payment}):
 * here the payment's state changes under a row lock and then the message is published with a
 * message id derived from the payment and its attempt, so a repeated call publishes nothing new.
 */
@Service
class PaymentDesk {
  /** {@link ProcessVariables} declared for the process owners' compatibility check. */
  @Bean
  static ProcessVariables disbursementVariables() {
    return DisbursementProcess.VARIABLES;
  }

  /** {@link ProcessVariables} declared for the process owners' compatibility check. */
  @Bean
  static ProcessVariables paymentRunVariables() {
    return DisbursementProcess.PAYMENT_RUN_VARIABLES;
  }

  static final String FINANCE = "finance";
  static final int MAX_TEXT = 200;

  private final PaymentSteps steps;
  private final PaymentRuns runs;
  private final CamundaClient client;
  private final DisbursementProperties properties;

  PaymentDesk(
      PaymentSteps steps,
      PaymentRuns runs,
      CamundaClient client,
      DisbursementProperties properties) {
    this.steps = steps;
    this.runs = runs;
    this.client = client;
    this.properties = properties;
  }

  /** Payments are finance's (and admins'); to everyone else they do not exist. */
  static void requireFinance(PartnerflowUser user, String what) {
    if (user.isPartnerUser() || !(user.inGroup(FINANCE) || user.isAdmin())) {
      throw new NotFoundException(what);
    }
  }

  /**
   * Gathers every payable instructed payment into batches and starts a payment run to send them;
   * payments of partners without bank details are held (named in the answer). A conflict when no
   * payment is instructed, or when every instructed payment is held.
   */
  PaymentRuns.Gathered startRun(PartnerflowUser user) {
    String runKey = "api:" + UUID.randomUUID();
    PaymentRuns.Gathered gathered = runs.gather(runKey, user.username());
    List<PaymentBatch> batches = gathered.batches();
    if (batches.isEmpty() && gathered.held().isEmpty()) {
      throw new ConflictException("No payment is instructed: there is nothing to batch");
    }
    if (batches.isEmpty()) {
      throw new ConflictException(
          "No payment could be batched: all "
              + gathered.held().size()
              + " instructed payments are held ("
              + gathered.held().stream()
                  .map(h -> "payment " + h.paymentId() + ": " + h.reason())
                  .collect(java.util.stream.Collectors.joining("; "))
              + ")");
    }
    try {
      client
          .newCreateInstanceCommand()
          .bpmnProcessId(DisbursementProcess.PAYMENT_RUN_PROCESS_ID)
          .latestVersion()
          .variables(
              DisbursementProcess.PAYMENT_RUN_VARIABLES.checked(
                  Map.of("batchIds", batches.stream().map(PaymentBatch::getId).toList())))
          .send()
          .join();
    } catch (RuntimeException e) {
      // The batches exist and can be downloaded and confirmed; only their hand-over waits.
      throw new TemporarilyUnavailableException(
          "The batches were created but the payment run did not start; start a run again", e);
    }
    return gathered;
  }

  Payment confirm(String paymentId, String reference) {
    String ref = text(reference, "reference");
    steps.confirm(paymentId, ref);
    Payment payment = steps.payment(paymentId);
    publish(
        DisbursementProcess.PAYMENT_CONFIRMED,
        payment,
        Map.of("paymentReference", payment.getReference()));
    return payment;
  }

  Payment fail(String paymentId, String reason) {
    String why = text(reason, "reason");
    steps.fail(paymentId, why);
    Payment payment = steps.payment(paymentId);
    publish(
        DisbursementProcess.PAYMENT_FAILED,
        payment,
        Map.of("failureReason", payment.getFailureReason()));
    return payment;
  }

  private void publish(String message, Payment payment, Map<String, Object> variables) {
    try {
      client
          .newPublishMessageCommand()
          .messageName(message)
          .correlationKey(payment.getId())
          .messageId(message + ":" + payment.getId() + ":" + payment.getAttempt())
          .timeToLive(properties.confirmationTtl())
          .variables(DisbursementProcess.VARIABLES.checkedMessage(message, variables))
          .send()
          .join();
    } catch (RuntimeException e) {
      if (!alreadyPublished(e)) {
        throw new TemporarilyUnavailableException(
            "The process engine did not take the " + message + " message; send it again", e);
      }
    }
  }

  /** The engine refuses a second message with the same id while it keeps the first. */
  private static boolean alreadyPublished(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ClientStatusException grpc) {
        return grpc.getStatusCode() == Status.Code.ALREADY_EXISTS;
      }
      if (t instanceof ProblemException rest) {
        return rest.code() == 409;
      }
    }
    return false;
  }

  private static String text(String value, String field) {
    if (value == null || value.isBlank()) {
      throw InvalidRequestException.of(field, "must not be blank");
    }
    if (value.length() > MAX_TEXT) {
      throw InvalidRequestException.of(field, "must have at most " + MAX_TEXT + " characters");
    }
    return value.strip();
  }
}
