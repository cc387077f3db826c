/**
 * MDF requests: a partner asks for market development funds for one marketing activity; the {@code
 * mdf-request} process checks eligibility, scores risk, routes the request through the approval
 * levels of the {@code mdf-approval-routing} DMN with SLAs and escalations, and reserves the
 * approved amount in the fund ledger. Exposes {@code /api/mdf-requests}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "MDF requests",
    allowedDependencies = {
      "common",
      "identity",
      "partner",
      "fund",
      "notification",
      "engine",
      "task",
      "processowner"
    })
package com.partnerflow.mdf;
