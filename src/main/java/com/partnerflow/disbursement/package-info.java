/**
 * Milestone-based disbursements: claims with proof of performance, their verification, payments and
 * the payment run that turns instructed payments into an ISO 20022 pain.001 file.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disbursement")
package com.partnerflow.disbursement;
