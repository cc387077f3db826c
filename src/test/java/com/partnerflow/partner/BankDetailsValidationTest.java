package com.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** IBAN and BIC checked with iban4j; account numbers need a routing number and a country. */
class BankDetailsValidationTest {

  static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");

  static BankAccount valid(BankAccountDetails details) {
    return BankDetailsValidation.validate("p-1", details, NOW, "alice");
  }

  static List<FieldProblem> problems(BankAccountDetails details) {
    try {
      valid(details);
    } catch (InvalidRequestException e) {
      return e.problems();
    }
    throw new AssertionError("accepted: " + details);
  }

  static BankAccountDetails iban(String iban, String bic) {
    return new BankAccountDetails("Acme Corp", iban, bic, null, null, null);
  }

  @Test
  void ibanIsStoredCompactAndUpperCaseWithItsCountry() {
    BankAccount account = valid(iban("de89 3704 0044 0532 0130 00", "cobadeffxxx"));

    assertThat(account.iban()).isEqualTo("DE89370400440532013000");
    assertThat(account.bic()).isEqualTo("COBADEFFXXX");
    assertThat(account.country()).isEqualTo("DE");
    assertThat(account.accountNumber()).isNull();
    assertThat(account.changedAt()).isEqualTo(NOW);
    assertThat(account.changedBy()).isEqualTo("alice");
    assertThat(account.masked()).isEqualTo("****3000");
  }

  @Test
  void bicIsOptionalWithAnIban() {
    assertThat(valid(iban("GB82WEST12345698765432", null)).bic()).isNull();
  }

  @Test
  void accountNumberWithRoutingNumberAndCountry() {
    BankAccount account =
        valid(new BankAccountDetails("Globex", null, null, "000123456789", "021000021", "us"));

    assertThat(account.iban()).isNull();
    assertThat(account.accountNumber()).isEqualTo("000123456789");
    assertThat(account.routingNumber()).isEqualTo("021000021");
    assertThat(account.country()).isEqualTo("US");
    assertThat(account.masked()).isEqualTo("****6789");
  }

  @Test
  void ibanWithAWrongCheckDigitIsRefusedForItsChecksum() {
    assertThat(problems(iban("DE89370400440532013001", null)))
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactly(tuple("iban", "checksum does not match: a digit is wrong or swapped"));
  }

  @Test
  void ibanOfTheWrongLengthOrCountryIsRefusedWithTheReason() {
    assertThat(problems(iban("DE8937040044053201300", null)))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.field()).isEqualTo("iban");
              assertThat(p.message()).contains("wrong length");
            });
    assertThat(problems(iban("US64SVBKUS6S3300958879", null)))
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactly(tuple("iban", "country code US does not use IBANs"));
    assertThat(problems(iban("DE89-3704-0044-0532-0130-00", null)))
        .extracting(FieldProblem::field)
        .containsExactly("iban");
  }

  @Test
  void invalidBicIsRefused() {
    assertThat(problems(iban("DE89370400440532013000", "COBADEFF1")))
        .extracting(FieldProblem::field)
        .containsExactly("bic");
    assertThat(problems(iban("DE89370400440532013000", "COBA00FFXXX")))
        .extracting(FieldProblem::field)
        .containsExactly("bic");
  }

  @Test
  void reportsEveryProblemAtOnceAndNeverRepeatsTheNumber() {
    List<FieldProblem> problems =
        problems(new BankAccountDetails(" ", "DE89370400440532013001", "X", null, null, "FR"));

    assertThat(problems)
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("holderName", "iban", "bic");
    assertThat(problems).noneMatch(p -> p.message().contains("0532013001"));
  }

  @Test
  void givesEitherAnIbanOrAnAccountNumber() {
    assertThat(problems(new BankAccountDetails("Acme", null, null, null, null, null)))
        .extracting(FieldProblem::field)
        .containsExactly("iban");
    assertThat(
            problems(
                new BankAccountDetails(
                    "Acme", "DE89370400440532013000", null, "000123456789", null, null)))
        .extracting(FieldProblem::field)
        .containsExactly("accountNumber");
    assertThat(
            problems(
                new BankAccountDetails("Globex", null, "CHASUS33", "000123456789", null, null)))
        .extracting(FieldProblem::field)
        .containsExactlyInAnyOrder("routingNumber", "country", "bic");
    assertThat(
            problems(
                new BankAccountDetails("Acme", "DE89370400440532013000", null, null, null, "FR")))
        .extracting(FieldProblem::field, FieldProblem::message)
        .containsExactly(tuple("country", "must be the IBAN's country DE or empty"));
  }

  @Test
  void holderNameIsRequiredAndFitsAPaymentFile() {
    assertThat(
            problems(
                new BankAccountDetails(
                    "x".repeat(141), "DE89370400440532013000", null, null, null, null)))
        .extracting(FieldProblem::field)
        .containsExactly("holderName");
    assertThat(
            problems(
                new BankAccountDetails(
                    "Acme\nPay here", "DE89370400440532013000", null, null, null, null)))
        .extracting(FieldProblem::field)
        .containsExactly("holderName");
  }
}
