package com.partnerflow.disbursement;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.common.TemporarilyUnavailableException;
import com.partnerflow.engine.EngineMessage;
import com.partnerflow.engine.EngineMessages;
import com.partnerflow.engine.ProcessVariables;
import com.partnerflow.identity.PartnerflowUser;
import io.camunda.client.CamundaClient;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finance's side of payments through the API: payment runs, confirmations and failures. Money moves
 * only in the process (the PAY of a confirmation is posted by {@code disbursement.record-payment}):
 * here the payment's state changes under a row lock, in the same transaction as its message for the
 * disbursement (the outbox, {@code EngineMessages}), whose id is derived from the payment and its
 * attempt, so a repeated call publishes nothing new.
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
  private final EngineMessages messages;
  private final TransactionTemplate transaction;
  private final DisbursementProperties properties;

  PaymentDesk(
      PaymentSteps steps,
      PaymentRuns runs,
      CamundaClient client,
      EngineMessages messages,
      TransactionTemplate transaction,
      DisbursementProperties properties) {
    this.steps = steps;
    this.runs = runs;
    this.client = client;
    this.messages = messages;
    this.transaction = transaction;
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
    return withMessage(
        paymentId,
        () -> steps.confirm(paymentId, ref),
        DisbursementProcess.PAYMENT_CONFIRMED,
        payment -> Map.of("paymentReference", payment.getReference()));
  }

  Payment fail(String paymentId, String reason) {
    String why = text(reason, "reason");
    return withMessage(
        paymentId,
        () -> steps.fail(paymentId, why),
        DisbursementProcess.PAYMENT_FAILED,
        payment -> Map.of("failureReason", payment.getFailureReason()));
  }

  /**
   * Changes the payment and stores the message for its disbursement in one transaction, then sends
   * the message: at once, or, while the engine is away, as soon as it answers. The message id is
   * derived from the payment and its attempt, so a repeated call adds no second message.
   */
  private Payment withMessage(
      String paymentId,
      Runnable change,
      String message,
      java.util.function.Function<Payment, Map<String, Object>> variables) {
    Payment payment =
        transaction.execute(
            s -> {
              change.run();
              Payment changed = steps.payment(paymentId);
              messages.enqueue(
                  new EngineMessage(
                      message,
                      changed.getId(),
                      message + ":" + changed.getId() + ":" + changed.getAttempt(),
                      properties.confirmationTtl(),
                      DisbursementProcess.VARIABLES.checkedMessage(
                          message, variables.apply(changed))));
              return changed;
            });
    messages.send(message + ":" + payment.getId() + ":" + payment.getAttempt());
    return payment;
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
