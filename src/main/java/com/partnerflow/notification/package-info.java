/**
 * Mail to partners and approvers. In the embedded mode an in-process SMTP server receives every
 * mail so it can be read back at {@code /mailbox} and {@code GET /api/dev/mailbox}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Notification",
    allowedDependencies = {"common"})
package com.partnerflow.notification;
