package com.partnerflow.onboarding;

import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an approved application with an accepted agreement into an active partner with a partner
 * admin account. Safe to run again for the same application (a retried job): what exists is kept.
 */
@Service
class PartnerActivation {

  private static final Logger log = LoggerFactory.getLogger(PartnerActivation.class);
  static final String PARTNER_ADMINS = PartnerflowUser.PARTNER_ADMINS;
  static final String CURRENCY = "EUR";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PartnerApplications applications;
  private final ApplicationEvents events;
  private final Partners partners;
  private final UserAccounts accounts;
  private final FundLedger ledger;
  private final Clock clock;

  PartnerActivation(
      PartnerApplications applications,
      ApplicationEvents events,
      Partners partners,
      UserAccounts accounts,
      FundLedger ledger,
      Clock clock) {
    this.applications = applications;
    this.events = events;
    this.partners = partners;
    this.accounts = accounts;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** What activation created (or found from an earlier run). */
  record Activated(String partnerId, String adminUsername) {}

  /**
   * Activates the application: partner, partner admin account and the current fund period's budget,
   * in one transaction.
   *
   * @param annualAllocation the tier's annual MDF allocation in EUR (DMN tier-benefits)
   */
  @Transactional
  Activated activate(String applicationId, BigDecimal annualAllocation) {
    PartnerApplication application =
        applications
            .findById(applicationId)
            .orElseThrow(
                () -> new IllegalStateException("Application " + applicationId + " is missing"));
    if (application.getPartnerId() == null) {
      Partner partner =
          partners.save(
              new Partner(
                  application.getCompanyName(),
                  application.getDomain(),
                  Tier.valueOf(application.getTier()),
                  Region.valueOf(application.getRegion()),
                  application.getPartnerType(),
                  application.getCountry(),
                  String.join(",", application.getVerticals()),
                  clock.instant()));
      application.activatedAs(partner.getId());
      application.moveTo(ApplicationStatus.ACTIVATED);
      events.save(
          new ApplicationEvent(
              applicationId,
              "ACTIVATED",
              ApplicationRecords.SYSTEM,
              "Partner " + partner.getId() + " (" + application.getTier() + ")",
              clock.instant()));
      log.info("Application {} activated as partner {}", applicationId, partner.getId());
    }
    String username = application.getContactEmail().toLowerCase(Locale.ROOT);
    // The account is unusable until its admin sets a password through the invitation link.
    accounts.createIfAbsent(
        username,
        unguessablePassword(),
        application.getContactName(),
        application.getContactEmail(),
        application.getPartnerId(),
        Set.of(PARTNER_ADMINS));
    FundPeriod period = ledger.currentPeriod();
    Money budget = periodShare(annualAllocation, period);
    if (budget.isPositive()) {
      ledger.allocate(
          LedgerMovement.of(application.getPartnerId(), period, budget)
              .withKey("onboarding:" + applicationId + ":initial-allocation")
              .by("system:onboarding")
              .because("Initial " + application.getTier() + " allocation for " + period.id()));
    }
    return new Activated(application.getPartnerId(), username);
  }

  /**
   * The part of an annual allocation that belongs to a fund period: all of it for a yearly period,
   * a quarter (rounded down to the cent) for a quarterly one. A partner activated mid-quarter gets
   * the full quarter.
   */
  static Money periodShare(BigDecimal annualAllocation, FundPeriod period) {
    BigDecimal share =
        period.granularity() == FundPeriod.Granularity.YEAR
            ? annualAllocation
            : annualAllocation.divide(BigDecimal.valueOf(4), 2, RoundingMode.DOWN);
    return Money.of(share.setScale(2, RoundingMode.DOWN), CURRENCY);
  }

  private static String unguessablePassword() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
