package com.partnerflow.dispute;

/** The identifiers of {@code bpmn/dispute-escalation.bpmn}: process id, job types, variables. */
final class DisputeProcess {

  static final String PROCESS_ID = "dispute-escalation";

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

  private DisputeProcess() {}
}
