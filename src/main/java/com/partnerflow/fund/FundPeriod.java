package com.partnerflow.fund;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The quarter or year a budget belongs to, e.g. {@code 2026-Q4} (1 Oct – 31 Dec 2026) or {@code
 * 2026}. Which of the two the program uses is {@code partnerflow.fund.period} ({@link
 * FundProperties}).
 */
public record FundPeriod(String id, LocalDate startsOn, LocalDate endsOn) {

  /** How long a fund period is. */
  public enum Granularity {
    YEAR,
    QUARTER
  }

  private static final Pattern ID = Pattern.compile("(\\d{4})(?:-Q([1-4]))?");

  public FundPeriod {
    if (id == null || startsOn == null || endsOn == null) {
      throw new IllegalArgumentException("A fund period needs an id, a start and an end");
    }
    LocalDate[] bounds = bounds(id);
    if (!bounds[0].equals(startsOn) || !bounds[1].equals(endsOn)) {
      throw new IllegalArgumentException(
          "Fund period " + id + " runs from " + bounds[0] + " to " + bounds[1]);
    }
  }

  /** The period of this granularity that contains the date. */
  public static FundPeriod containing(LocalDate date, Granularity granularity) {
    if (date == null || granularity == null) {
      throw new IllegalArgumentException("Need a date and a granularity");
    }
    int year = date.getYear();
    String id =
        granularity == Granularity.YEAR
            ? Integer.toString(year)
            : year + "-Q" + ((date.getMonthValue() - 1) / 3 + 1);
    return of(id);
  }

  /** The period with this id: {@code 2026} or {@code 2026-Q4}. */
  public static FundPeriod of(String id) {
    LocalDate[] bounds = bounds(id);
    return new FundPeriod(id, bounds[0], bounds[1]);
  }

  private static LocalDate[] bounds(String id) {
    Matcher m = id == null ? null : ID.matcher(id);
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("Not a fund period (2026 or 2026-Q4): " + id);
    }
    int year = Integer.parseInt(m.group(1));
    if (m.group(2) == null) {
      return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
    }
    LocalDate start = LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
    return new LocalDate[] {start, start.plusMonths(3).minusDays(1)};
  }

  public Granularity granularity() {
    return id.contains("-Q") ? Granularity.QUARTER : Granularity.YEAR;
  }

  public boolean contains(LocalDate date) {
    return !date.isBefore(startsOn) && !date.isAfter(endsOn);
  }

  @Override
  public String toString() {
    return id;
  }
}
