package com.partnerflow;

import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.util.Set;
import java.util.UUID;

/**
 * Partners of a test's own, each with one partner user (password {@code demo}) and a budget in EUR
 * in the current fund period: the demo partners' budgets belong to the period the service started
 * in, which earlier tests may have moved the clock out of.
 */
public record TestPartners(
    Partners partners, UserAccounts accounts, FundLedger funds, BusinessTime time) {

  /** A new partner and its user, whose username (prefix + random) is returned. */
  public String withBudget(String prefix, Tier tier, Region region, String budget) {
    String name = prefix + UUID.randomUUID().toString().substring(0, 8);
    Partner partner =
        partners.save(new Partner("MDF " + name, name + ".example", tier, region, time.now()));
    accounts.createIfAbsent(name, "demo", "User " + name, null, partner.getId(), Set.of());
    funds.allocate(
        LedgerMovement.of(partner.getId(), funds.currentPeriod(), Money.of(budget, "EUR"))
            .withKey("test-allocation:" + partner.getId())
            .by("test")
            .because("budget of a test partner"));
    return name;
  }
}
