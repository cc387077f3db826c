/**
 * Program insights: fund utilisation with its burn-down, the request funnel, ROI per activity type,
 * partner, tier, region or vertical, speed (time to decision, time to cash, SLA adherence),
 * governance figures and the quarterly reconciliation of forecast against actual outcomes, for the
 * program's internal leadership groups. It only reads what the other modules recorded: a read model
 * of aggregate SQL queries over their tables ({@code internal.InsightsQueries}), so no module
 * depends on it; the tables it writes are the record of who reviewed a reconciliation and the
 * breaches its drift alerts found ({@code bpmn/program-health.bpmn}: weekly figures against the
 * thresholds of {@code program-health-thresholds}, one mail and review per new breach, through the
 * notification module). Exposes {@code /api/insights} and the page {@code /insights}.
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
