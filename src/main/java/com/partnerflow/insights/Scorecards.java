package com.partnerflow.insights;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.insights.InsightsQueries.CashTimes;
import com.partnerflow.insights.InsightsQueries.LedgerSum;
import com.partnerflow.insights.InsightsQueries.Outcome;
import com.partnerflow.insights.ScorecardViews.Scorecard;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Partner scorecards: a partner's utilisation, results and speed in a fund period beside the
 * anonymised average of the other partners of its tier ({@link ScorecardFigures}). The same
 * read-model queries as the dashboard, filtered to the partner's tier; the peers are never named.
 */
@Service
class Scorecards {

  private final InsightsQueries queries;
  private final Insights insights;
  private final Partners partners;

  Scorecards(InsightsQueries queries, Insights insights, Partners partners) {
    this.queries = queries;
    this.insights = insights;
    this.partners = partners;
  }

  /**
   * The partner the user may see a scorecard of.
   *
   * @throws NotFoundException for an unknown partner, and for one the user may not see (another
   *     organisation's partner, or a caller outside the insights groups)
   */
  Partner visiblePartner(PartnerflowUser user, String partnerId) {
    if (!InsightsAccess.allowedFor(user, partnerId)) {
      throw new NotFoundException("Partner " + partnerId);
    }
    return partners
        .findById(partnerId)
        .orElseThrow(() -> new NotFoundException("Partner " + partnerId));
  }

  /**
   * The scorecard of {@code partnerId} in the period (the current one when null).
   *
   * @throws NotFoundException see {@link #visiblePartner}
   */
  @Transactional(readOnly = true)
  Scorecard of(PartnerflowUser user, String partnerId, FundPeriod period) {
    Partner partner = visiblePartner(user, partnerId);
    InsightsFilter tier = new InsightsFilter(period, partner.getTier(), null, null, null);
    FundPeriod shown = insights.periodOf(tier);
    List<LedgerSum> ledger = queries.ledgerSums(tier, List.of(shown.id()));
    List<Outcome> outcomes = queries.outcomes(tier, shown);
    Set<String> peers = ScorecardFigures.peers(partner.getId(), ledger.stream());
    return new Scorecard(
        partner.getId(),
        partner.getName(),
        partner.getTier().name(),
        shown.id(),
        shown.startsOn(),
        shown.endsOn(),
        ScorecardFigures.MIN_PEERS,
        ScorecardFigures.currencies(partner.getId(), ledger, outcomes),
        ScorecardFigures.speed(
            partner.getId(),
            peers,
            queries.timesToDecision(tier, shown),
            queries.cashTimes(tier, shown, List.of(partner.getId())),
            peers.size() >= ScorecardFigures.MIN_PEERS
                ? queries.cashTimes(tier, shown, peers)
                : CashTimes.NONE));
  }
}
