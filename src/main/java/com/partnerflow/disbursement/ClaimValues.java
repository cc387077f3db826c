package com.partnerflow.disbursement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a partner enters on the claim form ({@code forms/milestone-claim.form}; the Contract keys).
 * Counts and pipeline are the measured results of the milestone.
 */
record ClaimValues(
    BigDecimal actualCost,
    BigDecimal claimedAmount,
    String invoiceNumber,
    LocalDate invoiceDate,
    List<String> evidenceLinks,
    Long registrations,
    Long attendees,
    Long leads,
    Long opportunities,
    BigDecimal pipelineCreated) {

  ClaimValues {
    evidenceLinks = evidenceLinks == null ? List.of() : List.copyOf(evidenceLinks);
  }

  /**
   * The invoice number as duplicates are detected: case, spaces, dashes, dots and slashes do not
   * make a different invoice ({@code INV-2026/01} = {@code inv 2026 01}).
   */
  static String invoiceKey(String invoiceNumber) {
    return invoiceNumber == null
        ? null
        : invoiceNumber.toUpperCase(java.util.Locale.ROOT).replaceAll("[\\s\\-./_]", "");
  }
}
