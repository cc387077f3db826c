package com.partnerflow.mdf;

import com.partnerflow.engine.ProcessVariables;

/** The identifiers of {@code bpmn/mdf-request.bpmn}: process id, job types and error codes. */
final class MdfProcess {

  static final String PROCESS_ID = "mdf-request";

  /** The start event's message; its correlation key and id are the request's id. */
  static final String SUBMITTED_MESSAGE = "mdf-request-submitted";

  /** The variables of the start message, which every instance starts with. */
  private static final String[] SUBMITTED_VARIABLES = {
    "mdfRequestId",
    "partnerId",
    "tier",
    "activityType",
    "title",
    "currency",
    "totalCost",
    "requestedAmount",
    "partnerContribution",
    "startDate",
    "endDate",
    "revisionRound"
  };

  /**
   * What a submitted request starts with ({@code MdfRequestService}): the variables of its start
   * message, declared as the start's too, so a diagram a process owner deploys with a start of
   * another kind is checked against the same.
   */
  static final ProcessVariables VARIABLES =
      ProcessVariables.startedWith(PROCESS_ID, SUBMITTED_VARIABLES)
          .withMessage(SUBMITTED_MESSAGE, SUBMITTED_VARIABLES);

  static final String CHECK_ELIGIBILITY = "mdf.check-eligibility";
  static final String COLLECT_RISK_FACTS = "mdf.collect-risk-facts";
  static final String RECORD_RISK = "mdf.record-risk";
  static final String ASSIGN_LEVEL = "mdf.assign-level";
  static final String SEND_REMINDER = "mdf.send-reminder";
  static final String RECORD_ESCALATION = "mdf.record-escalation";
  static final String RECORD_DECISION = "mdf.record-decision";
  static final String REQUEST_CHANGES = "mdf.request-changes";
  static final String APPLY_REVISION = "mdf.apply-revision";
  static final String REJECT_REQUEST = "mdf.reject-request";
  static final String RESERVE_FUNDS = "mdf.reserve-funds";
  static final String RELEASE_UNUSED_FUNDS = "mdf.release-unused-funds";
  static final String START_DISBURSEMENT = "mdf.start-disbursement";

  /** BPMN error of {@code mdf.reserve-funds}: the balance no longer covers the approved amount. */
  static final String INSUFFICIENT_FUNDS = "INSUFFICIENT_FUNDS";

  private MdfProcess() {}
}
