package com.partnerflow.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.partnerflow.disbursement.internal.Pain001Writer;
import com.partnerflow.partner.BankAccount;
import com.partnerflow.partner.PartnerBankAccounts;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A payment batch as the payment run builds it, written by the real pain.001 writer: the file
 * parses back with Prowide and its NbOfTxs and CtrlSum match the batch.
 */
class Pain001PaymentFileTest {

  static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

  final PartnerBankAccounts accounts = mock(PartnerBankAccounts.class);
  final DisbursementProperties properties =
      new DisbursementProperties(
          "file",
          "Partnerflow Demo Ltd",
          "DE89370400440532013000",
          "COBADEFFXXX",
          Duration.ofDays(30));
  final Pain001PaymentFile file =
      new Pain001PaymentFile(
          new Pain001Writer(), accounts, properties, Clock.fixed(NOW, ZoneOffset.UTC));

  static Payment payment(String partnerId, String amount) {
    Claim claim =
        new Claim("request", "m-" + amount, partnerId, new BigDecimal(amount), "EUR", NOW);
    return new Payment(claim, new BigDecimal(amount), NOW);
  }

  static BankAccount iban(String partnerId, String holder, String iban) {
    return new BankAccount(partnerId, holder, iban, "COBADEFFXXX", null, null, "DE", NOW, "admin");
  }

  @Test
  void theFileParsesBackWithTheBatchsCountAndControlSum() {
    when(accounts.current("p1"))
        .thenReturn(Optional.of(iban("p1", "Acme Corp", "DE02120300000000202051")));
    when(accounts.current("p2"))
        .thenReturn(Optional.of(iban("p2", "Globex", "DE02500105170137075030")));
    Payment a = payment("p1", "450.15");
    Payment b = payment("p2", "1050.35");
    PaymentBatch batch = new PaymentBatch("run", "EUR", 2, new BigDecimal("1500.50"), "erin", NOW);
    List<PaymentFile.Line> lines =
        List.of(
            new PaymentFile.Line(a, new PaymentBatchLine(batch.getId(), a).getEndToEndId()),
            new PaymentFile.Line(b, new PaymentBatchLine(batch.getId(), b).getEndToEndId()));

    String xml = file.write(batch, lines);

    var initiation = MxPain00100109.parse(xml).getCstmrCdtTrfInitn();
    assertThat(initiation.getGrpHdr().getMsgId()).isEqualTo(batch.getMessageId());
    assertThat(initiation.getGrpHdr().getNbOfTxs())
        .isEqualTo(String.valueOf(batch.getPaymentCount()));
    assertThat(initiation.getGrpHdr().getCtrlSum()).isEqualByComparingTo(batch.getControlSum());
    assertThat(initiation.getPmtInf().get(0).getCdtTrfTxInf())
        .extracting(t -> t.getPmtId().getEndToEndId())
        .containsExactly(lines.get(0).endToEndId(), lines.get(1).endToEndId());
  }

  @Test
  void aPartnerWithoutBankDetailsCannotBePaid() {
    when(accounts.current("p3")).thenReturn(Optional.empty());
    when(accounts.current("p1"))
        .thenReturn(Optional.of(iban("p1", "Acme Corp", "DE02120300000000202051")));
    Payment c = payment("p3", "10.00");
    assertThat(file.unpayable(c)).hasValue("Partner p3 has no bank details");
    assertThat(file.unpayable(payment("p1", "10.00"))).isEmpty();
    PaymentBatch batch = new PaymentBatch("run", "EUR", 1, new BigDecimal("10.00"), "erin", NOW);

    assertThatThrownBy(() -> file.write(batch, List.of(new PaymentFile.Line(c, "E2E-1"))))
        .hasMessageContaining("p3");
  }
}
