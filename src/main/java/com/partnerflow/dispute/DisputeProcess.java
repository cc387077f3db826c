package com.partnerflow.dispute;

import com.partnerflow.engine.ProcessVariables;
import com.partnerflow.fund.InsufficientFunds;
import com.partnerflow.task.UserTaskJob;
import io.camunda.client.exception.BpmnError;
import java.util.Map;

/** The identifiers of {@code bpmn/dispute-escalation.bpmn}: process id, job types, variables. */
final class DisputeProcess {

  static final String PROCESS_ID = "dispute-escalation";

  /**
   * What an opened dispute starts with ({@code DisputeService}); claimId or paymentId by subject.
   */
  static final ProcessVariables VARIABLES =
      ProcessVariables.startedWith(
          PROCESS_ID,
          "disputeId",
          "partnerId",
          "subjectType",
          "mdfRequestId",
          "claimId",
          "paymentId",
          "disputedAmount",
          "currency",
          "category",
          "decisionType",
          UserTaskJob.EXCLUDED_USERS_VARIABLE);

  static final String TRIAGE = "dispute.triage";
  static final String ASSIGN_REVIEW = "dispute.assign-review";
  static final String RECORD_DECISION = "dispute.record-decision";
  static final String REQUEST_INFORMATION = "dispute.request-information";
  static final String RECORD_INFORMATION = "dispute.record-information";
  static final String ESCALATE = "dispute.escalate";
  static final String NOTIFY_STEERING_COMMITTEE = "dispute.notify-steering-committee";
  static final String RESOLVE = "dispute.resolve";
  static final String APPROVE_MDF_REQUEST = "dispute.approve-mdf-request";
  static final String INCREASE_MDF_APPROVAL = "dispute.increase-mdf-approval";
  static final String INSTRUCT_CORRECTIVE_PAYMENT = "dispute.instruct-corrective-payment";
  static final String RECORD_CORRECTIVE_PAYMENT = "dispute.record-corrective-payment";
  static final String RESOLVE_FAILED_CORRECTIVE_PAYMENT =
      "dispute.resolve-failed-corrective-payment";
  static final String RECORD_FUNDS_SHORTFALL = "dispute.record-funds-shortfall";

  /**
   * The BPMN error of a money step whose reservation the partner's balance does not cover; the
   * process hands it to finance ({@code AllocateDisputeFundsTask}) and runs the step again.
   */
  static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";

  /** Forms of the dispute's tasks. */
  static final String REVIEW_FORM = "dispute-review";

  static final String ESCALATION_REVIEW_FORM = "dispute-escalation-review";

  /** The review's decisions (form key {@code decision}). */
  static final String UPHOLD = "UPHOLD";

  static final String OVERTURN = "OVERTURN";
  static final String SETTLE = "SETTLE";
  static final String REQUEST_INFO = "REQUEST_INFO";
  static final String ESCALATE_DECISION = "ESCALATE";

  /** The effects a resolution has on money ({@code effect}). */
  static final String NO_EFFECT = "NONE";

  static final String MDF_APPROVAL = "MDF_APPROVAL";
  static final String MDF_INCREASE = "MDF_INCREASE";
  static final String CORRECTIVE_PAYMENT = "CORRECTIVE_PAYMENT";

  /**
   * The {@link #INSUFFICIENT_FUNDS} error for a reservation the balance did not cover (nothing was
   * changed); {@code fundsProblem} says why, for finance's task.
   */
  static BpmnError insufficientFunds(InsufficientFunds e) {
    return new BpmnError(
        INSUFFICIENT_FUNDS, e.getMessage(), Map.of("fundsProblem", e.getMessage()), e);
  }

  private DisputeProcess() {}
}
