package com.partnerflow.partner;

import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.iban4j.BicFormatException;
import org.iban4j.BicUtil;
import org.iban4j.IbanFormatException;
import org.iban4j.IbanUtil;
import org.iban4j.InvalidCheckDigitException;
import org.iban4j.UnsupportedCountryException;

/**
 * Checks bank details before they can receive money: IBAN and BIC with iban4j (format per country
 * and the IBAN's check digits), or an account number with a routing number and a country. Every
 * problem is reported at once, naming its field; the messages never repeat the number itself.
 */
final class BankDetailsValidation {

  static final int MAX_HOLDER_NAME = 140;

  private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[A-Za-z0-9]{4,34}");
  private static final Pattern ROUTING_NUMBER = Pattern.compile("[A-Za-z0-9]{3,35}");
  private static final Pattern CONTROLS =
      Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]");
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private BankDetailsValidation() {}

  /** The account as it will be stored: compact and upper case, its country set. */
  static BankAccount validate(
      String partnerId, BankAccountDetails details, Instant changedAt, String changedBy) {
    List<FieldProblem> problems = new ArrayList<>();
    String holder = trimmed(details.holderName());
    if (holder == null) {
      problems.add(new FieldProblem("holderName", "is required"));
    } else if (holder.length() > MAX_HOLDER_NAME) {
      problems.add(
          new FieldProblem("holderName", "has more than " + MAX_HOLDER_NAME + " characters"));
    } else if (CONTROLS.matcher(holder).find()) {
      problems.add(new FieldProblem("holderName", "contains control characters"));
    }
    String iban = compact(details.iban());
    String bic = compact(details.bic());
    String accountNumber = compact(details.accountNumber());
    String routingNumber = compact(details.routingNumber());
    String country = compact(details.country());
    String accountCountry;
    if (iban != null) {
      accountCountry = checkIban(iban, bic, accountNumber, routingNumber, country, problems);
    } else if (accountNumber != null || routingNumber != null) {
      accountCountry = country;
      checkAccount(accountNumber, routingNumber, bic, country, problems);
    } else {
      accountCountry = null;
      problems.add(
          new FieldProblem(
              "iban", "is required, or accountNumber with routingNumber and country instead"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new BankAccount(
        partnerId,
        holder,
        iban,
        bic,
        iban == null ? accountNumber : null,
        iban == null ? routingNumber : null,
        accountCountry,
        changedAt,
        changedBy);
  }

  private static String checkIban(
      String iban,
      String bic,
      String accountNumber,
      String routingNumber,
      String country,
      List<FieldProblem> problems) {
    if (accountNumber != null || routingNumber != null) {
      problems.add(
          new FieldProblem(
              accountNumber != null ? "accountNumber" : "routingNumber",
              "must be empty when an IBAN is given: give either an IBAN or an account number"));
    }
    String ibanCountry = null;
    try {
      IbanUtil.validate(iban);
      ibanCountry = iban.substring(0, 2);
    } catch (InvalidCheckDigitException e) {
      problems.add(
          new FieldProblem("iban", "checksum does not match: a digit is wrong or swapped"));
    } catch (UnsupportedCountryException e) {
      problems.add(
          new FieldProblem("iban", "country code " + iban.substring(0, 2) + " does not use IBANs"));
    } catch (IbanFormatException e) {
      problems.add(new FieldProblem("iban", ibanFormat(e)));
    }
    if (bic != null) {
      checkBic(bic, problems);
    }
    if (country != null && ibanCountry != null && !country.equals(ibanCountry)) {
      problems.add(
          new FieldProblem("country", "must be the IBAN's country " + ibanCountry + " or empty"));
    }
    return ibanCountry;
  }

  private static void checkAccount(
      String accountNumber,
      String routingNumber,
      String bic,
      String country,
      List<FieldProblem> problems) {
    if (accountNumber == null || !ACCOUNT_NUMBER.matcher(accountNumber).matches()) {
      problems.add(
          new FieldProblem("accountNumber", "is required: 4 to 34 letters or digits, no IBAN"));
    }
    if (routingNumber == null || !ROUTING_NUMBER.matcher(routingNumber).matches()) {
      problems.add(
          new FieldProblem(
              "routingNumber", "is required with an account number: 3 to 35 letters or digits"));
    }
    if (country == null || !COUNTRIES.contains(country)) {
      problems.add(
          new FieldProblem(
              "country", "is required with an account number: an ISO 3166 code such as US"));
    }
    if (bic != null) {
      problems.add(
          new FieldProblem("bic", "goes with an IBAN; an account number has a routing number"));
    }
  }

  private static void checkBic(String bic, List<FieldProblem> problems) {
    try {
      BicUtil.validate(bic);
    } catch (BicFormatException e) {
      problems.add(
          new FieldProblem(
              "bic",
              "is not a valid BIC: 8 or 11 letters and digits, bank (4 letters), country (2"
                  + " letters), location (2) and an optional branch (3)"));
    } catch (UnsupportedCountryException e) {
      problems.add(new FieldProblem("bic", "has an unknown country code"));
    }
  }

  private static String ibanFormat(IbanFormatException e) {
    if (e.getFormatViolation() == null) {
      return "is not a valid IBAN";
    }
    return switch (e.getFormatViolation()) {
      case IBAN_VALID_CHARACTERS, IBAN_FORMATTING -> "may contain only letters and digits";
      case COUNTRY_CODE_TWO_LETTERS,
          COUNTRY_CODE_UPPER_CASE_LETTERS,
          COUNTRY_CODE_EXISTS,
          COUNTRY_CODE_NOT_NULL ->
          "must start with a country code such as DE";
      case CHECK_DIGIT_TWO_DIGITS, CHECK_DIGIT_ONLY_DIGITS ->
          "must have two check digits after the country code";
      case BBAN_LENGTH ->
          "has the wrong length for its country: "
              + e.getExpected()
              + " characters expected after the check digits, "
              + e.getActual()
              + " given";
      default -> "does not have the format of its country's IBANs";
    };
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Without spaces, upper case; null when empty. */
  private static String compact(String value) {
    return value == null || value.isBlank()
        ? null
        : value.replace(" ", "").toUpperCase(Locale.ROOT);
  }
}
