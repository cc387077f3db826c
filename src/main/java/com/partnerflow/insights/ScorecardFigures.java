package com.partnerflow.insights;

import com.partnerflow.insights.InsightsQueries.CashTimes;
import com.partnerflow.insights.InsightsQueries.LedgerSum;
import com.partnerflow.insights.InsightsQueries.Outcome;
import com.partnerflow.insights.InsightsQueries.PartnerDuration;
import com.partnerflow.insights.InsightsViews.Speed;
import com.partnerflow.insights.InsightsViews.Utilisation;
import com.partnerflow.insights.ScorecardViews.CurrencyCard;
import com.partnerflow.insights.ScorecardViews.ScorecardFigureSet;
import com.partnerflow.insights.ScorecardViews.SpeedCard;
import com.partnerflow.insights.ScorecardViews.Times;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A partner's scorecard from the read model's per-partner aggregates of its tier: the partner's own
 * figures, and the average of its peers, the <em>other</em> partners of the tier with a budget in
 * the period (in the card's currency). Sums of the average are the peers' totals divided by their
 * number; its rates are the rates of those totals (not the mean of the peers' rates); its
 * percentiles are taken over the peers' pooled cases. With fewer than {@link #MIN_PEERS} peers the
 * average is withheld, so that no single partner's figures can be read off it.
 */
final class ScorecardFigures {

  /** The fewest peers an average is shown for. */
  static final int MIN_PEERS = 3;

  private ScorecardFigures() {}

  /**
   * One card per currency the partner has ledger movements or requests in, alphabetically.
   *
   * @param ledger the ledger sums of the tier's partners in the period
   * @param outcomes the outcomes of the tier's partners' requests submitted in the period
   */
  static List<CurrencyCard> currencies(
      String partnerId, List<LedgerSum> ledger, List<Outcome> outcomes) {
    Set<String> currencies = new TreeSet<>();
    ledger.stream()
        .filter(l -> l.partnerId().equals(partnerId))
        .forEach(l -> currencies.add(l.currency()));
    outcomes.stream()
        .filter(o -> o.partnerId().equals(partnerId))
        .forEach(o -> currencies.add(o.currency()));
    return currencies.stream()
        .map(
            currency -> {
              Set<String> peers =
                  peers(partnerId, ledger.stream().filter(l -> l.currency().equals(currency)));
              Predicate<String> own = partnerId::equals;
              boolean shown = peers.size() >= MIN_PEERS;
              return new CurrencyCard(
                  currency,
                  figures(currency, ledger, outcomes, own, 1),
                  peers.size(),
                  !shown,
                  shown
                      ? figures(currency, ledger, outcomes, peers::contains, peers.size())
                      : null);
            })
        .toList();
  }

  /** Time to decision and to cash of the partner beside its peers' (any currency). */
  static SpeedCard speed(
      String partnerId,
      List<LedgerSum> ledger,
      List<PartnerDuration> toDecision,
      List<PartnerDuration> toCash) {
    Set<String> peers = peers(partnerId, ledger.stream());
    return speed(
        partnerId,
        peers,
        toDecision,
        cashTimes(toCash, partnerId::equals),
        cashTimes(toCash, peers::contains));
  }

  /**
   * With time to cash already reduced to the partner's and its peers' pooled count and percentiles
   * (by the database); {@code peersCash} is not shown with fewer than {@link #MIN_PEERS} peers.
   */
  static SpeedCard speed(
      String partnerId,
      Set<String> peers,
      List<PartnerDuration> toDecision,
      CashTimes ownCash,
      CashTimes peersCash) {
    boolean shown = peers.size() >= MIN_PEERS;
    return new SpeedCard(
        times(toDecision, ownCash, partnerId::equals),
        peers.size(),
        !shown,
        shown ? times(toDecision, peersCash, peers::contains) : null);
  }

  private static CashTimes cashTimes(List<PartnerDuration> toCash, Predicate<String> of) {
    return CashTimes.of(
        toCash.stream()
            .filter(d -> of.test(d.partnerId()))
            .map(PartnerDuration::duration)
            .toList());
  }

  /** The other partners with ledger movements among the given ones. */
  static Set<String> peers(String partnerId, Stream<LedgerSum> ledger) {
    return ledger
        .map(LedgerSum::partnerId)
        .filter(id -> !id.equals(partnerId))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The figures of the partners {@code of} in one currency, their sums divided by {@code partners}.
   */
  static ScorecardFigureSet figures(
      String currency,
      List<LedgerSum> ledger,
      List<Outcome> outcomes,
      Predicate<String> of,
      int partners) {
    List<Utilisation> rows =
        InsightsFigures.utilisation(
            ledger.stream()
                .filter(l -> l.currency().equals(currency) && of.test(l.partnerId()))
                .toList());
    BigDecimal zero = InsightsFigures.zero();
    Utilisation u =
        rows.isEmpty()
            ? new Utilisation(null, currency, zero, zero, zero, zero, zero, zero, null)
            : rows.get(0);
    Outcome o =
        outcomes.stream()
            .filter(x -> x.currency().equals(currency) && of.test(x.partnerId()))
            .reduce(InsightsFigures::plus)
            .orElse(none(currency));
    return new ScorecardFigureSet(
        money(u.allocated(), partners),
        money(u.reserved(), partners),
        money(u.paid(), partners),
        money(u.released(), partners),
        money(u.lapsed(), partners),
        money(u.committed(), partners),
        u.utilisationRate(),
        count(o.requested(), partners),
        money(o.approvedAmount(), partners),
        money(o.paidAmount(), partners),
        count(o.leads(), partners),
        count(o.opportunities(), partners),
        money(o.pipeline(), partners),
        InsightsFigures.money(o.paidAmount(), BigDecimal.valueOf(o.leads())),
        InsightsFigures.perUnit(o.pipeline(), o.paidAmount()),
        count(o.expectedLeads(), partners),
        money(o.expectedPipeline(), partners),
        InsightsFigures.rate(BigDecimal.valueOf(o.leads()), BigDecimal.valueOf(o.expectedLeads())),
        InsightsFigures.rate(o.pipeline(), o.expectedPipeline()));
  }

  static Times times(List<PartnerDuration> toDecision, CashTimes cash, Predicate<String> of) {
    Speed s =
        InsightsFigures.speed(
            toDecision.stream()
                .filter(d -> of.test(d.partnerId()))
                .map(PartnerDuration::duration)
                .toList(),
            cash,
            List.of());
    return new Times(
        s.decisions(),
        s.timeToDecisionP50(),
        s.timeToDecisionP90(),
        s.payments(),
        s.timeToCashP50(),
        s.timeToCashP90());
  }

  private static BigDecimal money(BigDecimal total, int partners) {
    return total.divide(BigDecimal.valueOf(partners), 2, RoundingMode.HALF_UP);
  }

  /** A partner's own count as a whole number, an average to two decimals. */
  private static BigDecimal count(long total, int partners) {
    return partners == 1
        ? BigDecimal.valueOf(total)
        : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(partners), 2, RoundingMode.HALF_UP);
  }

  private static Outcome none(String currency) {
    BigDecimal zero = InsightsFigures.zero();
    return new Outcome(
        null, null, currency, 0, zero, 0, zero, 0, zero, 0, 0, zero, 0, zero, 0, 0, zero, 0, 0,
        zero);
  }
}
