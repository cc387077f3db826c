package com.partnerflow.mdf;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Valid MDF request submissions for tests, to be varied one field at a time. */
final class MdfSubmissions {

  private MdfSubmissions() {}

  static MdfRequestSubmission webinar(String title, String requested, LocalDate start) {
    BigDecimal amount = new BigDecimal(requested);
    BigDecimal contribution = amount; // 50 % co-funding
    return new MdfRequestSubmission(
        "WEBINAR",
        title,
        "A joint webinar",
        "EMEA",
        start,
        start,
        "EUR",
        amount.add(contribution),
        amount,
        contribution,
        200L,
        40L,
        new BigDecimal("100000"),
        List.of(
            new MdfRequestSubmission.MilestonePlan("Invitations", start, new BigDecimal("40")),
            new MdfRequestSubmission.MilestonePlan("Webinar held", start, new BigDecimal("60"))));
  }
}
