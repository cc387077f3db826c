package com.partnerflow.fund;

import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param period how long a fund period is: {@code QUARTER} (default) or {@code YEAR}
 */
@ConfigurationProperties("partnerflow.fund")
public record FundProperties(@DefaultValue("QUARTER") FundPeriod.Granularity period) {

  public FundProperties {
    if (period == null) {
      period = FundPeriod.Granularity.QUARTER;
    }
  }

  /** The configured kind of fund period that contains the date. */
  public FundPeriod periodContaining(LocalDate date) {
    return FundPeriod.containing(date, period);
  }
}
