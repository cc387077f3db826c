package com.partnerflow.demo;

import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.BankAccount;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo partners, users, bank accounts and the current fund period's budgets in the
 * embedded mode; running it twice changes nothing.
 */
@Component
@Profile("embedded")
@ConditionalOnProperty(name = "partnerflow.demo.enabled", havingValue = "true")
public class DemoData implements ApplicationRunner {

  public static final String PASSWORD = "demo";
  public static final List<DemoUser> USERS =
      List.of(
          new DemoUser(
              "alice", "Alice Anders", "Acme Corp", Set.of(PartnerflowUser.PARTNER_ADMINS)),
          new DemoUser(
              "andrea", "Andrea Alves", "Acme Corp", Set.of(PartnerflowUser.PARTNER_ADMINS)),
          new DemoUser("bob", "Bob Brown", "Globex", Set.of(PartnerflowUser.PARTNER_ADMINS)),
          new DemoUser("carol", "Carol Chen", null, Set.of("channel-managers", "partner-managers")),
          new DemoUser("paula", "Paula Park", null, Set.of("partner-managers")),
          new DemoUser("dave", "Dave Diaz", null, Set.of("marketing-directors")),
          new DemoUser("erin", "Erin Evans", null, Set.of("finance")),
          new DemoUser("frank", "Frank Fischer", null, Set.of("marketing-ops")),
          new DemoUser("grace", "Grace Green", null, Set.of("executive-sponsors")),
          new DemoUser("olivia", "Olivia Olsen", null, Set.of("process-owners")),
          new DemoUser("mona", "Mona Metrics", null, Set.of("monitoring")),
          new DemoUser("admin", "Administrator", null, Set.of("admins")));

  /**
   * Demo bank accounts count as set this long before the service started, so that no demo payment
   * is held as if the details had just changed.
   */
  static final Duration BANK_ACCOUNTS_AGE = Duration.ofDays(365);

  private static final Logger log = LoggerFactory.getLogger(DemoData.class);

  private final Partners partners;
  private final UserAccounts accounts;
  private final FundLedger funds;
  private final PartnerBankAccounts bankAccounts;
  private final Clock clock;

  DemoData(
      Partners partners,
      UserAccounts accounts,
      FundLedger funds,
      PartnerBankAccounts bankAccounts,
      Clock clock) {
    this.partners = partners;
    this.accounts = accounts;
    this.funds = funds;
    this.bankAccounts = bankAccounts;
    this.clock = clock;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    Partner acme = partner("Acme Corp", "acme.example", Tier.GOLD, Region.EMEA);
    Partner globex = partner("Globex", "globex.example", Tier.SILVER, Region.AMER);
    Map<String, Partner> byName = Map.of(acme.getName(), acme, globex.getName(), globex);
    accounts.createAllIfAbsent(
        USERS.stream()
            .map(
                user -> {
                  Partner partner =
                      user.partnerName() == null ? null : byName.get(user.partnerName());
                  return new UserAccounts.NewAccount(
                      user.username(),
                      user.displayName(),
                      user.username()
                          + "@"
                          + (partner == null ? "partnerflow.example" : partner.getDomain()),
                      partner == null ? null : partner.getId(),
                      user.groups());
                })
            .toList(),
        PASSWORD);
    Instant longAgo = clock.instant().minus(BANK_ACCOUNTS_AGE);
    // Valid test accounts: a German IBAN for Acme, a US account with its ABA routing number for
    // Globex.
    bankAccounts.importExisting(
        new BankAccount(
            acme.getId(),
            "Acme Corp",
            "DE89370400440532013000",
            "COBADEFFXXX",
            null,
            null,
            "DE",
            longAgo,
            "demo-data"));
    bankAccounts.importExisting(
        new BankAccount(
            globex.getId(),
            "Globex Corporation",
            null,
            null,
            "000123456789",
            "021000021",
            "US",
            longAgo,
            "demo-data"));
    FundPeriod period = funds.currentPeriod();
    allocate(acme, period, Money.of("250000.00", "EUR"));
    allocate(globex, period, Money.of("150000.00", "EUR"));
    log.info(
        "Demo data ready: partners Acme Corp and Globex with {} budgets, {} demo users",
        period,
        USERS.size());
  }

  private void allocate(Partner partner, FundPeriod period, Money amount) {
    funds.allocate(
        LedgerMovement.of(partner.getId(), period, amount)
            .withKey("demo-allocation:" + partner.getId() + ":" + period.id())
            .by("demo-data")
            .because("Demo budget for " + partner.getName()));
  }

  private Partner partner(String name, String domain, Tier tier, Region region) {
    return partners
        .findByName(name)
        .orElseGet(() -> partners.save(new Partner(name, domain, tier, region, clock.instant())));
  }
}
