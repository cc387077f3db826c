package com.partnerflow.disbursement;

import com.partnerflow.disbursement.internal.CreditTransfer;
import com.partnerflow.disbursement.internal.CreditTransferBatch;
import com.partnerflow.disbursement.internal.Pain001Writer;
import com.partnerflow.partner.BankAccount;
import com.partnerflow.partner.PartnerBankAccounts;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The payment-file port on the pain.001 writer: each payment a credit transfer to its partner's
 * current bank account, from the configured debtor account. A partner without a usable bank account
 * (none, or neither IBAN nor account number) cannot be paid: {@link #unpayable} names it, so runs
 * leave the payment out; a batch that still has one is refused with the partner named.
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
  public Optional<String> unpayable(Payment payment) {
    Optional<BankAccount> account = accounts.current(payment.getPartnerId());
    if (account.isEmpty()) {
      return Optional.of("Partner " + payment.getPartnerId() + " has no bank details");
    }
    BankAccount a = account.get();
    if (blank(a.iban()) && blank(a.accountNumber())) {
      return Optional.of(
          "Partner "
              + payment.getPartnerId()
              + " has a bank account without IBAN or account number");
    }
    return Optional.empty();
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
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
