package com.partnerflow.disbursement.internal;

import com.prowidesoftware.swift.model.mx.MxPain00100109;
import com.prowidesoftware.swift.model.mx.MxWriteConfiguration;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmountType4Choice;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.ClearingSystemMemberIdentification2;
import com.prowidesoftware.swift.model.mx.dic.CreditTransferTransaction34;
import com.prowidesoftware.swift.model.mx.dic.CustomerCreditTransferInitiationV09;
import com.prowidesoftware.swift.model.mx.dic.DateAndDateTime2Choice;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericAccountIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader85;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction30;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod3Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation26;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Writes a payment batch as an ISO 20022 {@code pain.001.001.09} customer credit transfer
 * initiation with Prowide ISO 20022's model, never as hand-written XML.
 *
 * <p>The group header counts every transfer ({@code NbOfTxs}) and adds up every amount ({@code
 * CtrlSum}). Transfers of several currencies go into one payment information block per currency, in
 * the order their currencies first appear, each with its own count and sum. A block of euro
 * transfers to IBANs only is a SEPA credit transfer (service level {@code SEPA}, charges {@code
 * SLEV}); every other block shares the charges ({@code SHAR}).
 *
 * <p>A creditor is identified by IBAN (with the BIC of its bank when known) or, without one, by
 * account number ({@code Othr/Id}) with the routing number as its bank's clearing system member id.
 * Names and remittance information longer than the format allows (140 characters) are cut; control
 * characters become spaces. A batch the bank would refuse or that could pay wrongly (no transfers,
 * an amount that is not positive or has more than two decimals, a repeated end-to-end id, a
 * creditor without any account) is refused with an {@link IllegalArgumentException}.
 */
@Component
public class Pain001Writer {

  /** What the format expects where the debtor's bank is not known. */
  static final String NOT_PROVIDED = "NOTPROVIDED";

  private static final int MAX_ID = 35;
  private static final int MAX_TEXT = 140;
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
  private static final Pattern CONTROLS = Pattern.compile("\\p{Cc}");

  public String write(CreditTransferBatch batch) {
    check(batch);
    Map<String, List<CreditTransfer>> byCurrency = new LinkedHashMap<>();
    batch
        .transfers()
        .forEach(
            t -> byCurrency.computeIfAbsent(t.currency(), c -> new java.util.ArrayList<>()).add(t));
    CustomerCreditTransferInitiationV09 initiation =
        new CustomerCreditTransferInitiationV09()
            .setGrpHdr(
                new GroupHeader85()
                    .setMsgId(batch.messageId())
                    .setCreDtTm(batch.createdAt().atOffset(ZoneOffset.UTC))
                    .setNbOfTxs(String.valueOf(batch.transfers().size()))
                    .setCtrlSum(sum(batch.transfers()))
                    .setInitgPty(party(batch.debtorName())));
    byCurrency.forEach(
        (currency, transfers) -> initiation.addPmtInf(instruction(batch, currency, transfers)));
    MxWriteConfiguration configuration = new MxWriteConfiguration();
    configuration.documentPrefix = null;
    return new MxPain00100109().setCstmrCdtTrfInitn(initiation).message(configuration);
  }

  private static PaymentInstruction30 instruction(
      CreditTransferBatch batch, String currency, List<CreditTransfer> transfers) {
    boolean sepa = "EUR".equals(currency) && transfers.stream().allMatch(CreditTransfer::hasIban);
    String prefix =
        batch.messageId().substring(0, Math.min(batch.messageId().length(), MAX_ID - 4));
    PaymentInstruction30 instruction =
        new PaymentInstruction30()
            .setPmtInfId(prefix + "-" + currency)
            .setPmtMtd(PaymentMethod3Code.TRF)
            .setNbOfTxs(String.valueOf(transfers.size()))
            .setCtrlSum(sum(transfers))
            .setReqdExctnDt(new DateAndDateTime2Choice().setDt(batch.requestedExecutionDate()))
            .setDbtr(party(batch.debtorName()))
            .setDbtrAcct(
                new CashAccount38()
                    .setId(new AccountIdentification4Choice().setIBAN(batch.debtorIban())))
            .setDbtrAgt(debtorAgent(batch.debtorBic()))
            .setChrgBr(sepa ? ChargeBearerType1Code.SLEV : ChargeBearerType1Code.SHAR);
    if (sepa) {
      instruction.setPmtTpInf(
          new PaymentTypeInformation26().addSvcLvl(new ServiceLevel8Choice().setCd("SEPA")));
    }
    transfers.forEach(t -> instruction.addCdtTrfTxInf(transaction(t)));
    return instruction;
  }

  private static CreditTransferTransaction34 transaction(CreditTransfer transfer) {
    CreditTransferTransaction34 transaction =
        new CreditTransferTransaction34()
            .setPmtId(new PaymentIdentification6().setEndToEndId(transfer.endToEndId()))
            .setAmt(
                new AmountType4Choice()
                    .setInstdAmt(
                        new ActiveOrHistoricCurrencyAndAmount()
                            .setCcy(transfer.currency())
                            .setValue(amount(transfer))))
            .setCdtr(party(transfer.creditorName()))
            .setCdtrAcct(new CashAccount38().setId(creditorAccount(transfer)));
    FinancialInstitutionIdentification18 agent = creditorAgent(transfer);
    if (agent != null) {
      transaction.setCdtrAgt(
          new BranchAndFinancialInstitutionIdentification6().setFinInstnId(agent));
    }
    if (present(transfer.remittanceInformation())) {
      transaction.setRmtInf(
          new RemittanceInformation16().addUstrd(text(transfer.remittanceInformation())));
    }
    return transaction;
  }

  private static AccountIdentification4Choice creditorAccount(CreditTransfer transfer) {
    if (transfer.hasIban()) {
      return new AccountIdentification4Choice().setIBAN(compact(transfer.creditorIban()));
    }
    return new AccountIdentification4Choice()
        .setOthr(
            new GenericAccountIdentification1().setId(compact(transfer.creditorAccountNumber())));
  }

  /** The creditor's bank: its BIC and, for an account without IBAN, its routing number. */
  private static FinancialInstitutionIdentification18 creditorAgent(CreditTransfer transfer) {
    boolean bic = present(transfer.creditorBic());
    boolean routing = !transfer.hasIban() && present(transfer.creditorRoutingNumber());
    if (!bic && !routing) {
      return null;
    }
    FinancialInstitutionIdentification18 agent = new FinancialInstitutionIdentification18();
    if (bic) {
      agent.setBICFI(compact(transfer.creditorBic()));
    }
    if (routing) {
      agent.setClrSysMmbId(
          new ClearingSystemMemberIdentification2()
              .setMmbId(compact(transfer.creditorRoutingNumber())));
    }
    return agent;
  }

  private static BranchAndFinancialInstitutionIdentification6 debtorAgent(String bic) {
    FinancialInstitutionIdentification18 agent =
        present(bic)
            ? new FinancialInstitutionIdentification18().setBICFI(compact(bic))
            : new FinancialInstitutionIdentification18()
                .setOthr(new GenericFinancialIdentification1().setId(NOT_PROVIDED));
    return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(agent);
  }

  private static PartyIdentification135 party(String name) {
    return new PartyIdentification135().setNm(text(name));
  }

  private static BigDecimal sum(List<CreditTransfer> transfers) {
    return transfers.stream()
        .map(Pain001Writer::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add)
        .setScale(2, RoundingMode.UNNECESSARY);
  }

  private static BigDecimal amount(CreditTransfer transfer) {
    return transfer.amount().setScale(2, RoundingMode.UNNECESSARY);
  }

  private static void check(CreditTransferBatch batch) {
    require(id(batch.messageId()), "messageId must have 1 to 35 characters");
    require(batch.createdAt() != null, "createdAt is missing");
    require(batch.requestedExecutionDate() != null, "requestedExecutionDate is missing");
    require(present(batch.debtorName()), "debtorName is missing");
    require(present(batch.debtorIban()), "debtorIban is missing");
    require(!batch.transfers().isEmpty(), "a payment file needs at least one transfer");
    Set<String> endToEndIds = new HashSet<>();
    for (CreditTransfer t : batch.transfers()) {
      String which = "transfer " + t.endToEndId() + ": ";
      require(id(t.endToEndId()), which + "endToEndId must have 1 to 35 characters");
      require(endToEndIds.add(t.endToEndId()), which + "endToEndId appears twice in the batch");
      require(
          t.amount() != null && t.amount().signum() > 0, which + "amount must be greater than 0");
      require(
          t.amount().stripTrailingZeros().scale() <= 2, which + "amount has more than 2 decimals");
      require(
          t.currency() != null && CURRENCY.matcher(t.currency()).matches(),
          which + "currency must be an ISO 4217 code such as EUR");
      require(present(t.creditorName()), which + "creditorName is missing");
      require(
          t.hasIban() || present(t.creditorAccountNumber()),
          which + "the creditor needs an IBAN or an account number");
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("Cannot write the pain.001 file: " + message);
    }
  }

  private static boolean id(String value) {
    return present(value) && value.length() <= MAX_ID;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static String compact(String value) {
    return value.replace(" ", "");
  }

  private static String text(String value) {
    String clean = CONTROLS.matcher(value).replaceAll(" ").strip();
    return clean.length() <= MAX_TEXT ? clean : clean.substring(0, MAX_TEXT);
  }
}
