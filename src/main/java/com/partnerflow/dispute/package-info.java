/**
 * Dispute escalations: a partner user disputes a decision about one of their own subjects (a
 * rejected or reduced MDF request, a rejected or partially approved claim, a late payment); the
 * {@code dispute-escalation} process triages it with its full context, classifies it by the {@code
 * dispute-policy} DMN, has it reviewed by someone who did not take part in the decision (the
 * inbox's excluded users), escalates it to the executive sponsor on SLA breach, and carries out the
 * money effect of an overturn or settlement exactly once through {@link
 * com.partnerflow.mdf.MdfDisputes} and {@link com.partnerflow.disbursement.DisbursementDisputes}.
 * Exposes {@code /api/disputes}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Dispute escalations",
    allowedDependencies = {
      "common",
      "identity",
      "partner",
      "fund",
      "mdf",
      "disbursement",
      "notification",
      "engine",
      "task",
      "task::attachments"
    })
package com.partnerflow.dispute;
