package com.partnerflow.partner;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.ForbiddenException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.identity.PartnerflowUser;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bank accounts partners are paid to. Only a partner admin of the partner changes its account
 * ({@code PUT /api/partners/{id}/bank-account}); every change is appended to the audit trail with
 * the numbers masked, and confirmed by mail to the partner's other admins in the same transaction:
 * when the mail cannot be sent, the change is not made. Payments read the account through {@link
 * #current}, whose {@code changedAt} starts the payment hold.
 */
@Service
public class PartnerBankAccounts {

  /** Internal users who may read every partner's bank account (besides admins). */
  static final String FINANCE = "finance";

  private static final Logger log = LoggerFactory.getLogger(PartnerBankAccounts.class);

  private final StoredBankAccounts accounts;
  private final BankAccountChanges changes;
  private final PartnerVisibility visibility;
  private final BankAccountMail mail;
  private final Clock clock;

  PartnerBankAccounts(
      StoredBankAccounts accounts,
      BankAccountChanges changes,
      PartnerVisibility visibility,
      BankAccountMail mail,
      Clock clock) {
    this.accounts = accounts;
    this.changes = changes;
    this.visibility = visibility;
    this.mail = mail;
    this.clock = clock;
  }

  /** The account the partner is paid to now; empty while it has none. */
  @Transactional(readOnly = true)
  public Optional<BankAccount> current(String partnerId) {
    return accounts.findById(partnerId).map(StoredBankAccount::toBankAccount);
  }

  /**
   * Takes over an account known from before this service (demo data, a migration) with its own
   * {@code changedAt} and {@code changedBy}, checked like any other and recorded in the audit
   * trail, without mail. A partner that has an account keeps it.
   *
   * @return whether the account was taken over
   * @throws com.partnerflow.common.InvalidRequestException when the details are not valid
   */
  @Transactional
  public boolean importExisting(BankAccount account) {
    if (accounts.existsById(account.partnerId())) {
      return false;
    }
    BankAccount valid =
        BankDetailsValidation.validate(
            account.partnerId(), details(account), account.changedAt(), account.changedBy());
    StoredBankAccount stored = new StoredBankAccount(valid.partnerId());
    stored.set(valid);
    accounts.save(stored);
    changes.save(new BankAccountChange(null, valid));
    return true;
  }

  /** The partner's account for a user who may read it; see {@link #requireReader}. */
  @Transactional(readOnly = true)
  BankAccount read(String partnerId, PartnerflowUser user) {
    requireReader(partnerId, user);
    return current(partnerId)
        .orElseThrow(() -> new NotFoundException("A bank account of partner " + partnerId));
  }

  /**
   * Sets the partner's account. The same details again change nothing (no audit entry, no mail).
   */
  @Transactional
  BankAccount change(String partnerId, BankAccountDetails details, PartnerflowUser user) {
    Partner partner = visibility.get(partnerId, user);
    if (!user.isPartnerAdmin()) {
      throw new ForbiddenException(
          "Only a partner admin of " + partner.getName() + " may change its bank account");
    }
    BankAccount wanted =
        BankDetailsValidation.validate(partnerId, details, clock.instant(), user.username());
    Optional<StoredBankAccount> stored = accounts.findForUpdate(partnerId);
    BankAccount before = stored.map(StoredBankAccount::toBankAccount).orElse(null);
    if (before != null && sameAccount(before, wanted)) {
      return before;
    }
    StoredBankAccount account = stored.orElseGet(() -> new StoredBankAccount(partnerId));
    account.set(wanted);
    try {
      accounts.saveAndFlush(account);
    } catch (DataIntegrityViolationException e) {
      // Two first accounts of the same partner at the same moment: the row lock cannot serialise
      // what does not exist yet, the primary key does.
      throw new ConflictException(
          "The bank account of " + partner.getName() + " was set by someone else just now");
    }
    BankAccountChange change = changes.saveAndFlush(new BankAccountChange(before, wanted));
    var mailed = mail.changed(partner, change, user.displayName(), user.username());
    log.info(
        "Bank account of partner {} changed by {}: {} -> {}; confirmed to {} other partner admins",
        partnerId,
        user.username(),
        before == null ? "none" : before.masked(),
        wanted.masked(),
        mailed.size());
    return wanted;
  }

  /**
   * Partner users read their own partner's account (another's is not found); internal users need
   * {@code finance} or {@code admins}.
   */
  private void requireReader(String partnerId, PartnerflowUser user) {
    Partner partner = visibility.get(partnerId, user);
    if (!user.isPartnerUser() && !user.isAdmin() && !user.inGroup(FINANCE)) {
      throw new ForbiddenException(
          "Only finance and admins may read the bank account of " + partner.getName());
    }
  }

  private static boolean sameAccount(BankAccount a, BankAccount b) {
    return Objects.equals(a.holderName(), b.holderName())
        && Objects.equals(a.iban(), b.iban())
        && Objects.equals(a.bic(), b.bic())
        && Objects.equals(a.accountNumber(), b.accountNumber())
        && Objects.equals(a.routingNumber(), b.routingNumber())
        && Objects.equals(a.country(), b.country());
  }

  private static BankAccountDetails details(BankAccount account) {
    return new BankAccountDetails(
        account.holderName(),
        account.iban(),
        account.bic(),
        account.accountNumber(),
        account.routingNumber(),
        account.country());
  }
}
