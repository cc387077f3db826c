package com.partnerflow.disbursement;

import com.partnerflow.engine.ProcessVariables;

/**
 * The identifiers of {@code bpmn/mdf-disbursement.bpmn} and {@code bpmn/payment-run.bpmn}: process
 * ids, job types and message names.
 */
final class DisbursementProcess {

  static final String PROCESS_ID = "mdf-disbursement";
  static final String PAYMENT_RUN_PROCESS_ID = "payment-run";

  static final String OPEN_CLAIM = "disbursement.open-claim";
  static final String SEND_CLAIM_REMINDER = "disbursement.send-claim-reminder";
  static final String RECORD_CLAIM = "disbursement.record-claim";
  static final String CHECK_CLAIM = "disbursement.check-claim";
  static final String REQUEST_EVIDENCE = "disbursement.request-evidence";
  static final String ASSIGN_VERIFICATION = "disbursement.assign-verification";
  static final String SEND_VERIFICATION_REMINDER = "disbursement.send-verification-reminder";
  static final String RECORD_VERIFICATION_ESCALATION =
      "disbursement.record-verification-escalation";
  static final String RECORD_VERIFICATION = "disbursement.record-verification";
  static final String SETTLE_UNPAID = "disbursement.settle-unpaid";
  static final String CHECK_BANK_DETAILS = "disbursement.check-bank-details";
  static final String INSTRUCT_PAYMENT = "disbursement.instruct-payment";
  static final String RECORD_PAYMENT = "disbursement.record-payment";
  static final String RESOLVE_FAILED_PAYMENT = "disbursement.resolve-failed-payment";
  static final String CLOSE_OUT = "disbursement.close-out";
  static final String GATHER_PAYMENT_BATCH = "disbursement.gather-payment-batch";
  static final String SEND_PAYMENT_BATCH = "disbursement.send-payment-batch";

  /** Published on a payment's confirmation; correlation key: the payment id. */
  static final String PAYMENT_CONFIRMED = "payment-confirmed";

  /** Published on a payment's failure; correlation key: the payment id. */
  static final String PAYMENT_FAILED = "payment-failed";

  /**
   * What a milestone's disbursement starts with: the inputs of the calling activities in {@code
   * mdf-request} and {@code dispute-escalation}, which pass nothing else; and what the payment
   * messages carry ({@code PaymentDesk}).
   */
  static final ProcessVariables VARIABLES =
      ProcessVariables.startedWith(
              PROCESS_ID,
              "mdfRequestId",
              "partnerId",
              "fundPeriod",
              "milestoneId",
              "milestoneName",
              "plannedDate",
              "milestoneAmount",
              "currency",
              "title")
          .withMessage(PAYMENT_CONFIRMED, "paymentReference")
          .withMessage(PAYMENT_FAILED, "failureReason");

  /** What a payment run started by finance starts with ({@code PaymentDesk}). */
  static final ProcessVariables PAYMENT_RUN_VARIABLES =
      ProcessVariables.startedWith(PAYMENT_RUN_PROCESS_ID, "batchIds");

  private DisbursementProcess() {}
}
