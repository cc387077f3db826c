package com.partnerflow.disbursement;

import com.partnerflow.disbursement.internal.CreditTransfer;
import com.partnerflow.disbursement.internal.CreditTransferBatch;
import com.partnerflow.disbursement.internal.Pain001Writer;
import com.partnerflow.partner.BankAccount;
import com.partnerflow.partner.PartnerBankAccounts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The payment-file port on the pain.001 writer: each payment a credit transfer to its partner's
 * current bank account, from the configured debtor account. A partner without bank details cannot
 * be paid: the batch is refused with the partner named.
 */
@Component
class Pain001PaymentFile implements PaymentFile {

  private final Pain001Writer writer;
  private final PartnerBankAccounts accounts;
  private final DisbursementProperties properties;
  private final Clock clock;

  Pain001PaymentFile(
      Pain001Writer writer,
      PartnerBankAccounts accounts,
      DisbursementProperties properties,
      Clock clock) {
    this.writer = writer;
    this.accounts = accounts;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public String write(PaymentBatch batch, List<Line> lines) {
    List<CreditTransfer> transfers =
        lines.stream()
            .map(
                line -> {
                  Payment p = line.payment();
                  BankAccount account =
                      accounts
                          .current(p.getPartnerId())
                          .orElseThrow(
                              () ->
                                  new IllegalStateException(
                                      "Partner " + p.getPartnerId() + " has no bank details"));
                  return new CreditTransfer(
                      line.endToEndId(),
                      p.getAmount(),
                      p.getCurrency(),
                      account.holderName(),
                      account.iban(),
                      account.bic(),
                      account.accountNumber(),
                      account.routingNumber(),
                      "MDF claim " + p.getClaimId());
                })
            .toList();
    return writer.write(
        new CreditTransferBatch(
            batch.getMessageId(),
            batch.getCreatedAt(),
            properties.debtorName(),
            properties.debtorIban(),
            properties.debtorBic(),
            LocalDate.now(clock),
            transfers));
  }
}
