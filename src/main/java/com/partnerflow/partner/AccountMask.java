package com.partnerflow.partner;

/** Account numbers outside the account's own record show only their last four characters. */
final class AccountMask {

  private AccountMask() {}

  /** {@code ****3000} for {@code DE89370400440532013000}; null stays null. */
  static String mask(String account) {
    if (account == null) {
      return null;
    }
    String compact = account.replace(" ", "");
    return "****" + (compact.length() <= 4 ? "" : compact.substring(compact.length() - 4));
  }
}
