package com.partnerflow.mdf;

import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A planned part of the activity with its share of the funds (shares of a request sum to 100). */
@Embeddable
public record Milestone(String name, LocalDate plannedDate, BigDecimal sharePercent) {}
