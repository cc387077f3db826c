package com.partnerflow.onboarding;

import com.partnerflow.engine.ProcessVariables;

/** The identifiers of bpmn/partner-onboarding.bpmn that code relies on, in one place. */
final class OnboardingProcess {

  static final String PROCESS_ID = "partner-onboarding";

  /** What a submitted application starts with ({@code ApplicationSubmission}). */
  static final ProcessVariables VARIABLES =
      ProcessVariables.startedWith(
          PROCESS_ID,
          "applicationId",
          "companyName",
          "website",
          "domain",
          "country",
          "region",
          "partnerType",
          "verticals",
          "expectedAnnualRevenue",
          "certifiedStaff",
          "contactName",
          "contactEmail");

  static final String SCREEN_APPLICATION = "onboarding.screen-application";
  static final String UPDATE_APPLICATION = "onboarding.update-application";
  static final String RECORD_REVIEW_DECISION = "onboarding.record-review-decision";
  static final String NOTIFY = "onboarding.notify";
  static final String ACTIVATE_PARTNER = "onboarding.activate-partner";

  static final String REVIEW_TASK = "ReviewApplicationTask";
  static final String ESCALATED_REVIEW_TASK = "EscalatedReviewTask";
  static final String PROVIDE_INFORMATION_TASK = "ProvideInformationTask";
  static final String ACCEPT_AGREEMENT_TASK = "AcceptAgreementTask";

  /** Candidate group of the applicant's own tasks, worked through a mailed single-use link. */
  static String applicantGroup(String applicationId) {
    return "applicant:" + applicationId;
  }

  private OnboardingProcess() {}
}
