package com.partnerflow.disbursement.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.prowidesoftware.swift.model.mx.AbstractMX;
import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pain.001 file parses back with the library and holds exactly the batch's transfers. */
class Pain001WriterTest {

  static final Instant CREATED = Instant.parse("2026-03-02T09:15:00Z");
  static final LocalDate EXECUTION = LocalDate.of(2026, 3, 3);

  final Pain001Writer writer = new Pain001Writer();

  static CreditTransfer toIban(String id, String amount, String currency, String iban) {
    return new CreditTransfer(
        id,
        new BigDecimal(amount),
        currency,
        "Partner " + id,
        iban,
        "COBADEFFXXX",
        null,
        null,
        "MDF claim " + id);
  }

  static CreditTransfer toAccount(String id, String amount, String currency) {
    return new CreditTransfer(
        id,
        new BigDecimal(amount),
        currency,
        "Globex Inc.",
        null,
        null,
        "000123456789",
        "021000021",
        "MDF claim " + id);
  }

  static CreditTransferBatch batch(List<CreditTransfer> transfers) {
    return new CreditTransferBatch(
        "PF-BATCH-0001",
        CREATED,
        "Partnerflow Program GmbH",
        "DE89370400440532013000",
        "COBADEFFXXX",
        EXECUTION,
        transfers);
  }

  CustomerCreditTransferInitiationV09 writeAndParse(CreditTransferBatch batch) {
    String xml = writer.write(batch);
    MxPain00100109 parsed = MxPain00100109.parse(xml);
    assertThat(parsed).as("the library parses the file back").isNotNull();
    return parsed.getCstmrCdtTrfInitn();
  }

  @Test
  void headerCountsAndSumsEveryTransferAndEachTransferParsesBack() {
    var transfers =
        List.of(
            toIban("E2E-1", "1500", "EUR", "DE75512108001245126199"),
            toIban("E2E-2", "249.5", "EUR", "FR7630006000011234567890189"),
            toIban("E2E-3", "0.01", "EUR", "NL02ABNA0123456789"));

    var initiation = writeAndParse(batch(transfers));

    assertThat(initiation.getGrpHdr().getMsgId()).isEqualTo("PF-BATCH-0001");
    assertThat(initiation.getGrpHdr().getNbOfTxs()).isEqualTo("3");
    assertThat(initiation.getGrpHdr().getCtrlSum()).isEqualByComparingTo("1749.51");
    assertThat(initiation.getGrpHdr().getCreDtTm().toInstant()).isEqualTo(CREATED);
    assertThat(initiation.getPmtInf()).hasSize(1);
    PaymentInstruction30 block = initiation.getPmtInf().get(0);
    assertThat(block.getNbOfTxs()).isEqualTo("3");
    assertThat(block.getCtrlSum()).isEqualByComparingTo("1749.51");
    assertThat(block.getReqdExctnDt().getDt()).isEqualTo(EXECUTION);
    assertThat(block.getDbtrAcct().getId().getIBAN()).isEqualTo("DE89370400440532013000");
    assertThat(block.getDbtrAgt().getFinInstnId().getBICFI()).isEqualTo("COBADEFFXXX");
    assertThat(block.getPmtTpInf().getSvcLvl().get(0).getCd()).isEqualTo("SEPA");
    assertThat(block.getChrgBr().value()).isEqualTo("SLEV");
    assertThat(block.getCdtTrfTxInf())
        .extracting(
            t -> t.getPmtId().getEndToEndId(),
            t -> t.getAmt().getInstdAmt().getValue().toPlainString(),
            t -> t.getAmt().getInstdAmt().getCcy(),
            t -> t.getCdtrAcct().getId().getIBAN(),
            t -> t.getRmtInf().getUstrd().get(0))
        .containsExactly(
            tuple("E2E-1", "1500.00", "EUR", "DE75512108001245126199", "MDF claim E2E-1"),
            tuple("E2E-2", "249.50", "EUR", "FR7630006000011234567890189", "MDF claim E2E-2"),
            tuple("E2E-3", "0.01", "EUR", "NL02ABNA0123456789", "MDF claim E2E-3"));
  }

  @Test
  void amountsAreWrittenWithTwoDecimals() {
    String xml =
        writer.write(batch(List.of(toIban("E2E-1", "1500", "EUR", "DE75512108001245126199"))));

    assertThat(xml)
        .contains("<InstdAmt Ccy=\"EUR\">1500.00</InstdAmt>")
        .contains("<CtrlSum>1500.00</CtrlSum>")
        .contains("urn:iso:std:iso:20022:tech:xsd:pain.001.001.09");
  }

  @Test
  void creditorWithoutIbanIsPaidToAccountNumberAtTheBankOfItsRoutingNumber() {
    var initiation = writeAndParse(batch(List.of(toAccount("E2E-US", "300.00", "USD"))));

    CreditTransferTransaction34 transfer = initiation.getPmtInf().get(0).getCdtTrfTxInf().get(0);
    assertThat(transfer.getCdtrAcct().getId().getIBAN()).isNull();
    assertThat(transfer.getCdtrAcct().getId().getOthr().getId()).isEqualTo("000123456789");
    assertThat(transfer.getCdtrAgt().getFinInstnId().getClrSysMmbId().getMmbId())
        .isEqualTo("021000021");
    assertThat(transfer.getCdtr().getNm()).isEqualTo("Globex Inc.");
    assertThat(initiation.getPmtInf().get(0).getChrgBr().value()).isEqualTo("SHAR");
    assertThat(initiation.getPmtInf().get(0).getPmtTpInf()).isNull();
  }

  @Test
  void eachCurrencyGetsItsOwnPaymentBlockWithItsOwnCountAndSum() {
    var initiation =
        writeAndParse(
            batch(
                List.of(
                    toIban("E2E-1", "100.00", "EUR", "DE75512108001245126199"),
                    toAccount("E2E-2", "300.00", "USD"),
                    toIban("E2E-3", "50.25", "EUR", "NL02ABNA0123456789"))));

    assertThat(initiation.getGrpHdr().getNbOfTxs()).isEqualTo("3");
    assertThat(initiation.getGrpHdr().getCtrlSum()).isEqualByComparingTo("450.25");
    assertThat(initiation.getPmtInf())
        .extracting(
            PaymentInstruction30::getPmtInfId,
            PaymentInstruction30::getNbOfTxs,
            p -> p.getCtrlSum().toPlainString())
        .containsExactly(
            tuple("PF-BATCH-0001-EUR", "2", "150.25"), tuple("PF-BATCH-0001-USD", "1", "300.00"));
    assertThat(initiation.getPmtInf().get(0).getCdtTrfTxInf())
        .extracting(t -> t.getPmtId().getEndToEndId())
        .containsExactly("E2E-1", "E2E-3");
  }

  @Test
  void libraryRecognisesTheFileAsPain00100109AndWritesBackExactlyWhatItRead() {
    String xml =
        writer.write(
            batch(
                List.of(
                    toIban("E2E-1", "100.00", "EUR", "DE75512108001245126199"),
                    toAccount("E2E-2", "300.00", "USD"))));

    AbstractMX detected = AbstractMX.parse(xml);
    assertThat(detected).isInstanceOf(MxPain00100109.class);
    assertThat(detected.getMxId().id()).isEqualTo("pain.001.001.09");
    // The library reads the file into its model of the pain.001.001.09 schema: an element it does
    // not know, or one in a place the schema does not allow, would be lost, and the file written
    // back from the model would differ.
    MxWriteConfiguration configuration = new MxWriteConfiguration();
    configuration.documentPrefix = null;
    assertThat(detected.message(configuration)).isEqualTo(xml);
  }

  @Test
  void debtorBankWithoutBicIsMarkedNotProvided() {
    var batch =
        new CreditTransferBatch(
            "PF-2",
            CREATED,
            "Partnerflow",
            "DE89370400440532013000",
            null,
            EXECUTION,
            List.of(toIban("E2E-1", "1.00", "EUR", "DE75512108001245126199")));

    var block = writeAndParse(batch).getPmtInf().get(0);

    assertThat(block.getDbtrAgt().getFinInstnId().getBICFI()).isNull();
    assertThat(block.getDbtrAgt().getFinInstnId().getOthr().getId()).isEqualTo("NOTPROVIDED");
  }

  @Test
  void longTextsAreCutToTheFormatsLimitAndControlCharactersRemoved() {
    var transfer =
        new CreditTransfer(
            "E2E-1",
            new BigDecimal("10.00"),
            "EUR",
            "Acme\nCorp",
            "DE75512108001245126199",
            null,
            null,
            null,
            "x".repeat(200));

    var parsed = writeAndParse(batch(List.of(transfer))).getPmtInf().get(0).getCdtTrfTxInf().get(0);

    assertThat(parsed.getCdtr().getNm()).isEqualTo("Acme Corp");
    assertThat(parsed.getRmtInf().getUstrd().get(0)).hasSize(140);
  }

  @Test
  void refusesBatchesThatCouldPayWrongly() {
    CreditTransfer good = toIban("E2E-1", "10.00", "EUR", "DE75512108001245126199");
    assertRefused(List.of(), "at least one transfer");
    assertRefused(List.of(good, good), "appears twice");
    assertRefused(List.of(amount(good, "0")), "greater than 0");
    assertRefused(List.of(amount(good, "-5.00")), "greater than 0");
    assertRefused(List.of(amount(good, "1.005")), "more than 2 decimals");
    assertRefused(
        List.of(
            new CreditTransfer(
                "E2E-9", BigDecimal.TEN, "EUR", "Nobody", null, null, null, null, null)),
        "IBAN or an account number");
    assertRefused(List.of(toIban("E2E-9", "10.00", "euro", "DE75512108001245126199")), "ISO 4217");
    assertRefused(
        List.of(toIban("x".repeat(36), "10.00", "EUR", "DE75512108001245126199")),
        "1 to 35 characters");
  }

  private static CreditTransfer amount(CreditTransfer t, String amount) {
    return new CreditTransfer(
        t.endToEndId(),
        new BigDecimal(amount),
        t.currency(),
        t.creditorName(),
        t.creditorIban(),
        t.creditorBic(),
        t.creditorAccountNumber(),
        t.creditorRoutingNumber(),
        t.remittanceInformation());
  }

  private void assertRefused(List<CreditTransfer> transfers, String reason) {
    assertThatThrownBy(() -> writer.write(batch(transfers)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(reason);
  }
}
