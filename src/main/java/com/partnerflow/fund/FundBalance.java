package com.partnerflow.fund;

import java.math.BigDecimal;

/**
 * A budget's totals; {@code available = allocated − reserved − paid}, never negative. Amounts have
 * two decimals.
 */
public record FundBalance(
    String period,
    String currency,
    BigDecimal allocated,
    BigDecimal reserved,
    BigDecimal paid,
    BigDecimal available) {}
