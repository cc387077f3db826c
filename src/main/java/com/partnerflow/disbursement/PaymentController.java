package com.partnerflow.disbursement;

import com.partnerflow.identity.PartnerflowUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/payments}: finance's payments, payment runs, batches and the bank's answers. */
@RestController
@Tag(
    name = "Payments",
    description = "Milestone payments, payment runs with their pain.001 files, the bank's answers")
class PaymentController {

  private final PaymentDesk desk;
  private final PaymentRuns runs;
  private final Payments payments;

  PaymentController(PaymentDesk desk, PaymentRuns runs, Payments payments) {
    this.desk = desk;
    this.runs = runs;
    this.payments = payments;
  }

  record PaymentView(
      String id,
      String claimId,
      String mdfRequestId,
      String partnerId,
      BigDecimal amount,
      String currency,
      String status,
      String idempotencyKey,
      String batchId,
      String reference,
      String failureReason,
      int attempt,
      Instant createdAt) {

    static PaymentView of(Payment p) {
      return new PaymentView(
          p.getId(),
          p.getClaimId(),
          p.getMdfRequestId(),
          p.getPartnerId(),
          p.getAmount(),
          p.getCurrency(),
          p.getStatus().name(),
          p.getIdempotencyKey(),
          p.getBatchId(),
          p.getReference(),
          p.getFailureReason(),
          p.getAttempt(),
          p.getCreatedAt());
    }
  }

  record BatchView(
      String id,
      String messageId,
      String status,
      String currency,
      int paymentCount,
      BigDecimal controlSum,
      String channel,
      String createdBy,
      Instant createdAt,
      Instant sentAt,
      List<PaymentView> payments) {}

  /** The run's batches, and the instructed payments it held out of them (still INSTRUCTED). */
  record Run(String batchId, List<String> batchIds, List<PaymentRuns.Held> held) {}

  record Confirmation(String reference) {}

  record Failure(String reason) {}

  @GetMapping("/api/payments")
  @Operation(
      operationId = "listPayments",
      summary = "Payments",
      description = "**Who:** finance and admins. Every payment, newest first.")
  @ApiResponse(responseCode = "200", description = "The payments")
  @ApiResponse(responseCode = "404", description = "The caller is not in finance")
  Map<String, Object> list(@AuthenticationPrincipal PartnerflowUser user) {
    PaymentDesk.requireFinance(user, "Payments");
    List<PaymentView> items =
        payments.findAllByOrderByCreatedAtDesc().stream().map(PaymentView::of).toList();
    return Map.of("items", items, "total", items.size());
  }

  @PostMapping("/api/payments/runs")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      operationId = "startPaymentRun",
      summary = "Start a payment run",
      description =
          "**Who:** finance and admins. Gathers every INSTRUCTED payment into one batch per currency with its pain.001 file and"
              + " starts the payment-run process to send them. batchId is the first batch. A payment whose partner has no"
              + " usable bank account is held: it stays INSTRUCTED, out of the batches, is listed in `held` with the reason and"
              + " gets an audit flag NO_BANK_DETAILS; the others are batched.")
  @ApiResponse(responseCode = "201", description = "The batches were created; the run started")
  @ApiResponse(responseCode = "404", description = "The caller is not in finance")
  @ApiResponse(
      responseCode = "409",
      description =
          "No payment is instructed, or every instructed payment is held (partners without bank details)")
  Run run(@AuthenticationPrincipal PartnerflowUser user) {
    PaymentDesk.requireFinance(user, "Payment runs");
    PaymentRuns.Gathered gathered = desk.startRun(user);
    List<String> ids = gathered.batches().stream().map(PaymentBatch::getId).toList();
    return new Run(ids.get(0), ids, gathered.held());
  }

  @GetMapping("/api/payments/batches/{id}")
  @Operation(
      operationId = "getPaymentBatch",
      summary = "A payment batch",
      description = "**Who:** finance and admins. The batch with its payments.")
  @ApiResponse(responseCode = "200", description = "The batch")
  @ApiResponse(responseCode = "404", description = "No such batch, or the caller is not in finance")
  BatchView batch(@PathVariable String id, @AuthenticationPrincipal PartnerflowUser user) {
    PaymentDesk.requireFinance(user, "Payment batch " + id);
    PaymentBatch b = runs.batch(id);
    return new BatchView(
        b.getId(),
        b.getMessageId(),
        b.getStatus(),
        b.getCurrency(),
        b.getPaymentCount(),
        b.getControlSum(),
        b.getChannel(),
        b.getCreatedBy(),
        b.getCreatedAt(),
        b.getSentAt(),
        runs.paymentsOf(id).stream().map(PaymentView::of).toList());
  }

  @GetMapping("/api/payments/batches/{id}/file")
  @Operation(
      operationId = "getPaymentBatchFile",
      summary = "The batch's pain.001 file",
      description =
          "**Who:** finance and admins. The ISO 20022 pain.001 credit-transfer XML finance uploads to the bank.")
  @ApiResponse(responseCode = "200", description = "The pain.001 XML")
  @ApiResponse(responseCode = "404", description = "No such batch, or the caller is not in finance")
  ResponseEntity<String> file(
      @PathVariable String id, @AuthenticationPrincipal PartnerflowUser user) {
    PaymentDesk.requireFinance(user, "Payment batch " + id);
    PaymentBatch b = runs.batch(id);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_XML)
        .header(
            "Content-Disposition", "attachment; filename=\"pain001-" + b.getMessageId() + ".xml\"")
        .body(b.getFileContent());
  }

  @PostMapping("/api/payments/{id}/confirmation")
  @Operation(
      operationId = "confirmPayment",
      summary = "Confirm a payment",
      description =
          "**Who:** finance and admins. The bank executed the payment: CONFIRMED with the bank's reference; the waiting"
              + " disbursement posts PAY and releases the unpaid rest. The same reference again is"
              + " an idempotent 200.")
  @ApiResponse(responseCode = "200", description = "The payment, CONFIRMED")
  @ApiResponse(responseCode = "400", description = "reference is blank or too long")
  @ApiResponse(
      responseCode = "404",
      description = "No such payment, or the caller is not in finance")
  @ApiResponse(
      responseCode = "409",
      description = "Confirmed with another reference, failed, or not in a batch yet")
  PaymentView confirm(
      @PathVariable String id,
      @RequestBody Confirmation body,
      @AuthenticationPrincipal PartnerflowUser user) {
    PaymentDesk.requireFinance(user, "Payment " + id);
    return PaymentView.of(desk.confirm(id, body.reference()));
  }

  @PostMapping("/api/payments/{id}/failure")
  @Operation(
      operationId = "reportPaymentFailure",
      summary = "Report a failed payment",
      description =
          "**Who:** finance and admins. The bank refused the payment: FAILED with the bank's reason; the disbursement goes to"
              + " finance to retry or cancel. The same report again is an idempotent 200.")
  @ApiResponse(responseCode = "200", description = "The payment, FAILED")
  @ApiResponse(responseCode = "400", description = "reason is blank or too long")
  @ApiResponse(
      responseCode = "404",
      description = "No such payment, or the caller is not in finance")
  @ApiResponse(responseCode = "409", description = "Confirmed already, or not in a batch yet")
  PaymentView fail(
      @PathVariable String id,
      @RequestBody Failure body,
      @AuthenticationPrincipal PartnerflowUser user) {
    PaymentDesk.requireFinance(user, "Payment " + id);
    return PaymentView.of(desk.fail(id, body.reason()));
  }
}
