package com.partnerflow.mdf;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A planned part of the activity with its share of the funds (shares of a request sum to 100), its
 * id (stable from submission on) and where its disbursement stands.
 */
@Embeddable
public record Milestone(
    String name,
    LocalDate plannedDate,
    BigDecimal sharePercent,
    String id,
    @Enumerated(EnumType.STRING) MilestoneStatus status) {

  Milestone withStatus(MilestoneStatus newStatus) {
    return new Milestone(name, plannedDate, sharePercent, id, newStatus);
  }
}
