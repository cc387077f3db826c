/**
 * Program insights: fund utilisation with its burn-down, the request funnel, ROI per activity type,
 * partner, tier, region or vertical, speed (time to decision, time to cash, SLA adherence),
 * governance figures and the quarterly reconciliation of forecast against actual outcomes, for the
 * program's internal leadership groups. It only reads what the other modules recorded: a read model
 * of aggregate SQL queries over their tables ({@code internal.InsightsQueries}), so no module
 * <<<<<<< HEAD depends on it and it calls no other module's services; the one table it writes is
 * the record of who reviewed a reconciliation. Exposes {@code /api/insights} and the page {@code
 * /insights}; and the partner scorecard, a partner's figures beside the anonymised average of its
 * tier, to the partner's own users ({@code /api/partners/{id}/scorecard}, {@code
 * /partners/{id}/scorecard}). ======= depends on it; the tables it writes are the record of who
 * reviewed a reconciliation and the breaches its drift alerts found ({@code
 * bpmn/program-health.bpmn}: weekly figures against the thresholds of {@code
 * program-health-thresholds}, one mail and review per new breach, through the notification module).
 * Exposes {@code /api/insights} and the page {@code /insights}. >>>>>>> helper/issue-14a
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Program insights",
    allowedDependencies = {
      "common",
      "identity",
      "partner",
      "fund",
      "mdf",
      "engine",
      "notification"
    })
package com.partnerflow.insights;
