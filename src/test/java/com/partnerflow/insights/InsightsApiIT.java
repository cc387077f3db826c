package com.partnerflow.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.fund.FundLedger;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/insights} and the page {@code /insights} over HTTP against the hand-computed program
 * of {@link InsightsData}: every figure checked exactly, filters, bad input, who may see it, the
 * CSV and XLSX exports read back, and the review record.
 */
@PartnerflowIntegrationTest
class InsightsApiIT {

  private static InsightsData data;

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired FundLedger ledger;
  @Autowired RequestOutcomes outcomes;
  @Autowired BusinessTime time;
  @Autowired ObjectMapper json;

  @BeforeEach
  void seedOnce() {
    data = InsightsData.seededOnce(jdbc, ledger, outcomes, time.currentPeriod());
  }

  private JsonNode get(String user, String path) throws Exception {
    ResponseEntity<String> r = http.withBasicAuth(user, "demo").getForEntity(path, String.class);
    assertThat(r.getStatusCode().value()).as(path + ": " + r.getBody()).isEqualTo(200);
    return json.readTree(r.getBody());
  }

  private String p() {
    return "period=" + data.period.id();
  }

  @Test
  void utilisationPerPeriodAndCurrency() throws Exception {
    JsonNode all = get("grace", "/api/insights/utilisation?" + p());
    assertThat(all).hasSize(1);
    JsonNode u = all.get(0);
    assertThat(u.get("period").asText()).isEqualTo(data.period.id());
    assertThat(u.get("currency").asText()).isEqualTo("EUR");
    assertThat(u.get("allocated").decimalValue()).isEqualByComparingTo("15000.00");
    assertThat(u.get("reserved").decimalValue()).isEqualByComparingTo("4000.00");
    assertThat(u.get("paid").decimalValue()).isEqualByComparingTo("2000.00");
    assertThat(u.get("released").decimalValue()).isEqualByComparingTo("200.00");
    assertThat(u.get("lapsed").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(u.get("committed").decimalValue()).isEqualByComparingTo("2800.00");
    assertThat(u.get("utilisationRate").decimalValue()).isEqualByComparingTo("0.1867");

    JsonNode silver = get("erin", "/api/insights/utilisation?" + p() + "&tier=silver").get(0);
    assertThat(silver.get("allocated").decimalValue()).isEqualByComparingTo("5000.00");
    assertThat(silver.get("reserved").decimalValue()).isEqualByComparingTo("1000.00");
    assertThat(silver.get("released").decimalValue()).isEqualByComparingTo("200.00");
    assertThat(silver.get("lapsed").decimalValue()).isEqualByComparingTo("0");

    // Allocations belong to no activity: with EVENT only the allocation is left.
    JsonNode event =
        get("grace", "/api/insights/utilisation?" + p() + "&activityType=EVENT").get(0);
    assertThat(event.get("allocated").decimalValue()).isEqualByComparingTo("15000.00");
    assertThat(event.get("reserved").decimalValue()).isEqualByComparingTo("0");
  }

  @Test
  void funnelInCountAndMoneyWithDropOff() throws Exception {
    JsonNode f = get("dave", "/api/insights/funnel?" + p());
    assertThat(f.get("currency").asText()).isEqualTo("EUR");
    assertThat(json.convertValue(f.get("currencies"), List.class)).containsExactly("EUR", "USD");
    JsonNode steps = f.get("steps");
    assertThat(steps.findValuesAsText("name"))
        .containsExactly("requested", "approved", "claimed", "verified", "paid");
    assertThat(steps.findValues("count").stream().map(JsonNode::asLong))
        .containsExactly(4L, 2L, 2L, 2L, 1L);
    assertThat(steps.findValues("amount").stream().map(JsonNode::decimalValue))
        .usingElementComparator(java.math.BigDecimal::compareTo)
        .containsExactly(
            new java.math.BigDecimal("7500"),
            new java.math.BigDecimal("4000"),
            new java.math.BigDecimal("3200"),
            new java.math.BigDecimal("2800"),
            new java.math.BigDecimal("2000"));
    assertThat(steps.get(1).get("dropOff").asLong()).isEqualTo(2);
    assertThat(steps.get(1).get("dropOffRate").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(steps.get(4).get("amountDropOff").decimalValue()).isEqualByComparingTo("800");

    JsonNode usd = get("dave", "/api/insights/funnel?" + p() + "&currency=USD").get("steps");
    assertThat(usd.get(0).get("count").asLong()).isEqualTo(1);
    assertThat(usd.get(0).get("amount").decimalValue()).isEqualByComparingTo("700");

    JsonNode emea = get("dave", "/api/insights/funnel?" + p() + "&region=EMEA").get("steps");
    assertThat(emea.get(0).get("count").asLong()).isEqualTo(3);
    assertThat(emea.get(0).get("amount").decimalValue()).isEqualByComparingTo("6500");
  }

  @Test
  void roiPerActivityTypeTierAndVertical() throws Exception {
    JsonNode roi = get("carol", "/api/insights/roi?" + p());
    assertThat(roi).hasSize(3);
    JsonNode webinar = roi.get(0);
    assertThat(webinar.get("key").asText()).isEqualTo("WEBINAR");
    assertThat(webinar.get("currency").asText()).isEqualTo("EUR");
    assertThat(webinar.get("requests").asLong()).isEqualTo(3);
    assertThat(webinar.get("paid").decimalValue()).isEqualByComparingTo("2000");
    assertThat(webinar.get("leads").asLong()).isEqualTo(50);
    assertThat(webinar.get("opportunities").asLong()).isEqualTo(7);
    assertThat(webinar.get("pipeline").decimalValue()).isEqualByComparingTo("38000");
    assertThat(webinar.get("pipelinePerUnit").decimalValue()).isEqualByComparingTo("19");
    assertThat(webinar.get("leadsPerUnit").decimalValue()).isEqualByComparingTo("0.025");
    assertThat(webinar.get("costPerLead").decimalValue()).isEqualByComparingTo("40.00");
    assertThat(webinar.get("expectedLeads").asLong()).isEqualTo(150);
    assertThat(webinar.get("expectedPipeline").decimalValue()).isEqualByComparingTo("70000");
    assertThat(webinar.get("expectedCostPerLead").decimalValue()).isEqualByComparingTo("26.67");
    assertThat(roi.get(1).get("key").asText()).isEqualTo("EVENT");
    assertThat(roi.get(1).get("costPerLead").isNull()).isTrue();
    assertThat(roi.get(2).get("currency").asText()).isEqualTo("USD");

    JsonNode tiers = get("carol", "/api/insights/roi?groupBy=tier&" + p());
    JsonNode gold = tiers.get(0);
    assertThat(gold.get("key").asText()).isEqualTo("GOLD");
    assertThat(gold.get("pipelinePerUnit").decimalValue()).isEqualByComparingTo("15");
    assertThat(gold.get("costPerLead").decimalValue()).isEqualByComparingTo("50.00");

    JsonNode verticals = get("carol", "/api/insights/roi?groupBy=vertical&" + p());
    assertThat(verticals.findValuesAsText("key"))
        .containsExactlyInAnyOrder("RETAIL", "HEALTHCARE", "TECHNOLOGY", "TECHNOLOGY");
    JsonNode partners = get("carol", "/api/insights/roi?groupBy=partner&" + p());
    assertThat(partners.get(0).get("label").asText()).isEqualTo(data.nameA);
  }

  @Test
  void dashboardSpeedGovernanceAndBurnDown() throws Exception {
    JsonNode d = get("grace", "/api/insights?" + p());
    JsonNode speed = d.get("speed");
    assertThat(speed.get("decisions").asLong()).isEqualTo(3);
    assertThat(speed.get("timeToDecisionP50").asText()).isEqualTo("PT36H");
    assertThat(speed.get("timeToDecisionP90").asText()).isEqualTo("PT48H");
    assertThat(speed.get("payments").asLong()).isEqualTo(1);
    assertThat(speed.get("timeToCashP50").asText()).isEqualTo("PT120H");
    assertThat(speed.get("timeToCashP90").asText()).isEqualTo("PT120H");
    JsonNode levels = speed.get("slaByLevel");
    assertThat(levels.findValuesAsText("level"))
        .containsExactly("channel-managers", "marketing-directors", "marketing-ops");
    assertThat(levels.get(0).get("decided").asLong()).isEqualTo(1);
    assertThat(levels.get(0).get("escalated").asLong()).isEqualTo(1);
    assertThat(levels.get(0).get("adherence").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(levels.get(1).get("adherence").decimalValue()).isEqualByComparingTo("1");

    JsonNode g = d.get("governance");
    assertThat(g.get("approved").asLong()).isEqualTo(2);
    assertThat(g.get("autoApproved").asLong()).isEqualTo(1);
    assertThat(g.get("autoApprovalRate").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(g.get("escalations").asLong()).isEqualTo(1);
    assertThat(g.get("spotAudits").asLong()).isEqualTo(1);
    assertThat(g.get("spotAuditFindings").asLong()).isEqualTo(1);
    assertThat(g.get("disputes").asLong()).isEqualTo(2);
    assertThat(g.get("resolvedDisputes").asLong()).isEqualTo(2);
    assertThat(g.get("overturnedDisputes").asLong()).isEqualTo(1);
    assertThat(g.get("overturnRate").decimalValue()).isEqualByComparingTo("0.5");
    assertThat(g.get("duplicateInvoiceBlocks").asLong()).isEqualTo(1);
    assertThat(g.get("duplicateFileBlocks").asLong()).isEqualTo(0);

    JsonNode burn = d.get("burnDown").get(0);
    assertThat(burn.get("allocated").decimalValue()).isEqualByComparingTo("15000");
    JsonNode points = burn.get("points");
    assertThat(points)
        .hasSize(
            (int) (data.period.endsOn().toEpochDay() - data.period.startsOn().toEpochDay() + 1));
    assertThat(points.get(0).get("remaining").decimalValue()).isEqualByComparingTo("15000");
    assertThat(points.get(0).get("ideal").decimalValue()).isEqualByComparingTo("15000");
    assertThat(points.get(10).get("remaining").decimalValue()).isEqualByComparingTo("11000");
    assertThat(points.get(points.size() - 1).get("remaining").decimalValue())
        .isEqualByComparingTo("12200");
    assertThat(points.get(points.size() - 1).get("ideal").decimalValue()).isEqualByComparingTo("0");
  }

  @Test
  void cohortsByTierOverFourPeriods() throws Exception {
    JsonNode c = get("grace", "/api/insights/cohorts?by=tier&periods=4&" + p());
    assertThat(c.get("by").asText()).isEqualTo("tier");
    JsonNode periods = c.get("periods");
    assertThat(periods).hasSize(4);
    assertThat(periods.get(3).asText()).isEqualTo(data.period.id());
    JsonNode cohorts = c.get("cohorts");
    assertThat(cohorts.findValuesAsText("key")).containsExactly("GOLD", "SILVER", "SILVER");
    JsonNode gold = cohorts.get(0).get("values");
    assertThat(gold.get(0).get("allocated").decimalValue()).isEqualByComparingTo("0");
    JsonNode last = gold.get(3);
    assertThat(last.get("allocated").decimalValue()).isEqualByComparingTo("10000");
    assertThat(last.get("committed").decimalValue()).isEqualByComparingTo("2000");
    assertThat(last.get("utilisationRate").decimalValue()).isEqualByComparingTo("0.2");
    assertThat(last.get("paid").decimalValue()).isEqualByComparingTo("2000");
    assertThat(last.get("leads").asLong()).isEqualTo(40);
    assertThat(last.get("pipelinePerUnit").decimalValue()).isEqualByComparingTo("15");
    assertThat(last.get("costPerLead").decimalValue()).isEqualByComparingTo("50");
    assertThat(last.get("timeToCashP50").asText()).isEqualTo("PT120H");
    JsonNode silver = cohorts.get(1);
    assertThat(silver.get("currency").asText()).isEqualTo("EUR");
    assertThat(silver.get("values").get(3).get("utilisationRate").decimalValue())
        .isEqualByComparingTo("0.16");
    assertThat(cohorts.get(2).get("currency").asText()).isEqualTo("USD");
    assertProblem("/api/insights/cohorts?by=partner", "by");
    assertProblem("/api/insights/cohorts?periods=9", "periods");
  }

  @Test
  void reconciliationWithCsvXlsxAndReview() throws Exception {
    JsonNode rec = get("erin", "/api/insights/reconciliation?" + p());
    JsonNode rows = rec.get("rows");
    assertThat(rows).hasSize(2);
    JsonNode a = rows.get(0);
    assertThat(a.get("partnerName").asText()).isEqualTo(data.nameA);
    assertThat(a.get("approved").decimalValue()).isEqualByComparingTo("3000");
    assertThat(a.get("paid").decimalValue()).isEqualByComparingTo("2000");
    assertThat(a.get("expectedLeads").asLong()).isEqualTo(100);
    assertThat(a.get("actualLeads").asLong()).isEqualTo(40);
    assertThat(a.get("leadsVariance").asLong()).isEqualTo(-60);
    assertThat(a.get("leadsAttainment").decimalValue()).isEqualByComparingTo("0.4");
    assertThat(a.get("pipelineVariance").decimalValue()).isEqualByComparingTo("-20000");
    assertThat(a.get("pipelineAttainment").decimalValue()).isEqualByComparingTo("0.6");
    assertThat(a.get("expectedRegistrations").asLong()).isEqualTo(200);
    assertThat(a.get("actualRegistrations").asLong()).isEqualTo(150);
    JsonNode b = rows.get(1);
    assertThat(b.get("partnerName").asText()).isEqualTo(data.nameB);
    assertThat(b.get("leadsAttainment").decimalValue()).isEqualByComparingTo("0.2");
    assertThat(b.get("pipelineAttainment").decimalValue()).isEqualByComparingTo("0.4");

    ResponseEntity<byte[]> csv =
        http.withBasicAuth("erin", "demo")
            .getForEntity("/api/insights/reconciliation.csv?" + p(), byte[].class);
    assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
    assertThat(csv.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("reconciliation-" + data.period.id() + ".csv");
    String[] lines = new String(csv.getBody(), StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("Partner,Partner id,Currency,Approved requests,Approved,Paid");
    assertThat(lines[1])
        .isEqualTo(
            data.nameA
                + ","
                + data.partnerA
                + ",EUR,1,3000.00,2000.00,100,40,-60,0.4000,50000.00,30000.00,-20000.00,0.6000,200,150,5");

    ResponseEntity<byte[]> xlsx =
        http.withBasicAuth("erin", "demo")
            .getForEntity("/api/insights/reconciliation.xlsx?" + p(), byte[].class);
    assertThat(xlsx.getHeaders().getContentType()).isEqualTo(InsightsController.XLSX);
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      Sheet sheet = book.getSheetAt(0);
      assertThat(sheet.getLastRowNum()).isEqualTo(2);
      Row first = sheet.getRow(1);
      assertThat(first.getCell(0).getStringCellValue()).isEqualTo(data.nameA);
      assertThat(first.getCell(4).getNumericCellValue()).isEqualTo(3000.0);
      assertThat(first.getCell(7).getNumericCellValue()).isEqualTo(40.0);
      assertThat(first.getCell(8).getNumericCellValue()).isEqualTo(-60.0);
      assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo(data.nameB);
    }

    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> review =
        http.withBasicAuth("grace", "demo")
            .postForEntity(
                "/api/insights/reconciliation/reviews",
                new HttpEntity<>(
                    "{\"period\":\"" + data.period.id() + "\",\"note\":\"Pipeline below plan\"}",
                    headers),
                String.class);
    assertThat(review.getStatusCode().value()).as(review.getBody()).isEqualTo(201);
    JsonNode reviews = get("erin", "/api/insights/reconciliation?" + p()).get("reviews");
    assertThat(reviews.get(0).get("reviewedBy").asText()).isEqualTo("grace");
    assertThat(reviews.get(0).get("note").asText()).isEqualTo("Pipeline below plan");
    assertThat(reviews.get(0).get("reviewedAt").asText()).isNotBlank();
    assertThat(
            jdbc.queryForObject(
                "SELECT partners FROM insights_reconciliation_review WHERE period = ? AND"
                    + " reviewed_by = 'grace'",
                Integer.class,
                data.period.id()))
        .isEqualTo(2);
  }

  @Test
  void badInputNamesTheParameterAndOnlyLeadershipGroupsSeeIt() throws Exception {
    assertProblem("/api/insights?period=2026-Q5", "period");
    assertProblem("/api/insights/utilisation?tier=BRONZE", "tier");
    assertProblem("/api/insights/funnel?region=MARS", "region");
    assertProblem("/api/insights/roi?vertical=SPACE", "vertical");
    assertProblem("/api/insights/roi?activityType=PARTY", "activityType");
    assertProblem("/api/insights/roi?groupBy=colour", "groupBy");
    assertProblem("/api/insights/funnel?currency=EURO", "currency");

    for (String path :
        List.of(
            "/api/insights",
            "/api/insights/utilisation",
            "/api/insights/funnel",
            "/api/insights/roi",
            "/api/insights/cohorts",
            "/api/insights/reconciliation",
            "/api/insights/reconciliation.csv",
            "/api/insights/reconciliation.xlsx")) {
      for (String user : List.of("alice", "bob", "frank", "olivia")) {
        assertThat(
                http.withBasicAuth(user, "demo")
                    .getForEntity(path, String.class)
                    .getStatusCode()
                    .value())
            .as(user + " " + path)
            .isEqualTo(404);
      }
    }
    for (String user : List.of("carol", "paula", "dave", "erin", "grace")) {
      assertThat(
              http.withBasicAuth(user, "demo")
                  .getForEntity("/api/insights", String.class)
                  .getStatusCode()
                  .value())
          .as(user)
          .isEqualTo(200);
    }
  }

  private void assertProblem(String path, String field) throws Exception {
    ResponseEntity<String> r = http.withBasicAuth("grace", "demo").getForEntity(path, String.class);
    assertThat(r.getStatusCode().value()).as(path).isEqualTo(400);
    assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(json.readTree(r.getBody()).get("errors").findValuesAsText("field"))
        .containsExactly(field);
  }

  @Test
  void thePageShowsTablesChartsAndTheExportsForLeadershipOnly() {
    UiSession grace = UiSession.signIn(port, "grace");
    var page = grace.get("/insights?" + p());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("href=\"/insights\"")
        .contains("id=\"chart-utilisation\"")
        .contains("id=\"chart-burndown\"")
        .contains("id=\"chart-funnel\"")
        .contains("id=\"chart-roi\"")
        .contains("id=\"chart-speed\"")
        .contains("id=\"chart-reconciliation\"")
        .contains("/vendor/echarts/echarts.min.js")
        .contains("/js/insights.js")
        .contains("data-insights=\"{")
        .contains("/api/insights/reconciliation.csv?period=" + data.period.id())
        .contains("/api/insights/reconciliation.xlsx?period=" + data.period.id())
        .contains(data.nameA)
        .contains("€15,000.00")
        // The shown period stays selectable although it is older than the last 8.
        .contains("<option value=\"" + data.period.id() + "\" selected=\"selected\"");
    // The vendored library and its licence are served.
    assertThat(grace.get("/vendor/echarts/echarts.min.js").statusCode()).isEqualTo(200);
    assertThat(grace.get("/vendor/echarts/LICENSE").statusCode()).isEqualTo(200);
    // A bad filter is named on the page, which falls back to the current period.
    assertThat(grace.get("/insights?tier=BRONZE").body()).contains("tier must be one of");
    // Recording a review from the page.
    var posted =
        grace.post(
            "/insights/reconciliation/reviews",
            "period=" + data.period.id() + "&note=Checked+on+the+page",
            "/insights?" + p());
    assertThat(posted.statusCode()).isIn(302, 303);
    assertThat(grace.get("/insights?" + p()).body()).contains("Checked on the page");

    UiSession alice = UiSession.signIn(port, "alice");
    assertThat(alice.get("/insights").statusCode()).isEqualTo(404);
    assertThat(alice.get("/").body()).doesNotContain("href=\"/insights\"");
    assertThat(UiSession.signIn(port, "frank").get("/insights").statusCode()).isEqualTo(404);
  }
}
