package com.partnerflow.mdf;

import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.processowner.DecisionSimulationCases;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The real cases of {@code mdf-approval-routing}: the MDF requests submitted in the current fund
 * period that were assessed for risk, with the inputs Route approval hands the decision (requested
 * amount, the partner's tier today, risk level).
 */
@Component
class RoutingSimulationCases implements DecisionSimulationCases {

  private final MdfRequests requests;
  private final Partners partners;
  private final FundLedger funds;

  RoutingSimulationCases(MdfRequests requests, Partners partners, FundLedger funds) {
    this.requests = requests;
    this.partners = partners;
    this.funds = funds;
  }

  @Override
  public String decisionId() {
    return "mdf-approval-routing";
  }

  @Override
  public String period() {
    return "MDF requests submitted in fund period " + funds.currentPeriod().id();
  }

  @Override
  @Transactional(readOnly = true)
  public List<SimulationCase> cases() {
    FundPeriod period = funds.currentPeriod();
    List<MdfRequest> submitted =
        requests
            .findBySubmittedAtGreaterThanEqualAndSubmittedAtLessThan(
                period.startsOn().atStartOfDay().toInstant(ZoneOffset.UTC),
                period.endsOn().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))
            .stream()
            .filter(r -> r.getRiskLevel() != null)
            .sorted(Comparator.comparing(MdfRequest::getSubmittedAt))
            .toList();
    Map<String, Partner> byId =
        partners.findAllById(submitted.stream().map(MdfRequest::getPartnerId).toList()).stream()
            .collect(Collectors.toMap(Partner::getId, Function.identity()));
    return submitted.stream()
        .filter(r -> byId.containsKey(r.getPartnerId()))
        .map(
            r ->
                new SimulationCase(
                    r.getId(),
                    r.getRequestedAmount(),
                    Map.of(
                        "requestedAmount", r.getRequestedAmount(),
                        "tier", byId.get(r.getPartnerId()).getTier().name(),
                        "riskLevel", r.getRiskLevel())))
        .toList();
  }
}
