package com.partnerflow.insights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.UserAccounts;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code /api/partners/{id}/scorecard} and its page over HTTP against the hand-computed tier of
 * {@link ScorecardData}: every figure of the partner and of its tier's average checked exactly, the
 * privacy threshold, who may see which scorecard, and bad input.
 */
@PartnerflowIntegrationTest
class ScorecardApiIT {

  private static ScorecardData data;

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired FundLedger ledger;
  @Autowired RequestOutcomes outcomes;
  @Autowired UserAccounts accounts;
  @Autowired BusinessTime time;
  @Autowired ObjectMapper json;

  @BeforeEach
  void seedOnce() {
    data = ScorecardData.seededOnce(jdbc, ledger, outcomes, accounts, time.currentPeriod());
  }

  private ResponseEntity<String> call(String user, String partner, String query) {
    return http.withBasicAuth(user, "demo")
        .getForEntity("/api/partners/" + partner + "/scorecard" + query, String.class);
  }

  private JsonNode scorecard(String user, String partner) throws Exception {
    ResponseEntity<String> r = call(user, partner, "?period=" + data.period.id());
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    return json.readTree(r.getBody());
  }

  @Test
  void thePartnersUtilisationAndResultsBesideItsTiersAverage() throws Exception {
    JsonNode s = scorecard(data.userS, data.s);
    assertThat(s.get("partnerName").asText()).isEqualTo(data.nameS);
    assertThat(s.get("tier").asText()).isEqualTo("GOLD");
    assertThat(s.get("period").asText()).isEqualTo(data.period.id());
    assertThat(s.get("minimumPartnersAveraged").asInt()).isEqualTo(3);
    assertThat(s.get("currencies")).hasSize(1);
    JsonNode eur = s.get("currencies").get(0);
    assertThat(eur.get("currency").asText()).isEqualTo("EUR");
    assertThat(eur.get("partnersAveraged").asInt()).isEqualTo(3);
    assertThat(eur.get("tierAverageWithheld").asBoolean()).isFalse();

    assertFigures(
        eur.get("partner"),
        "allocated=10000.00 reserved=4000.00 paid=2000.00 released=0.00 lapsed=1000.00"
            + " committed=3000.00 utilisationRate=0.3000 requests=2 approved=4000.00"
            + " paidOnRequests=2000.00 leads=40 opportunities=5 pipeline=30000.00"
            + " costPerLead=50.00 pipelinePerUnitPaid=15.000000 expectedLeads=100"
            + " expectedPipeline=50000.00 leadAttainment=0.4000 pipelineAttainment=0.6000");
    // Q1–Q3 without S: 18,000 allocated, 4,500 reserved, 1,000 paid, 300 lapsed over 3 partners;
    // rates of the pooled sums (4,200 / 18,000; 30 / 80; 10,000 / 30,000).
    assertFigures(
        eur.get("tierAverage"),
        "allocated=6000.00 reserved=1500.00 paid=333.33 released=0.00 lapsed=100.00"
            + " committed=1400.00 utilisationRate=0.2333 requests=1.00 approved=1500.00"
            + " paidOnRequests=333.33 leads=10.00 opportunities=1.00 pipeline=3333.33"
            + " costPerLead=33.33 pipelinePerUnitPaid=10.000000 expectedLeads=26.67"
            + " expectedPipeline=10000.00 leadAttainment=0.3750 pipelineAttainment=0.3333");
  }

  private static void assertFigures(JsonNode figures, String expected) {
    for (String pair : expected.split(" ")) {
      String[] kv = pair.split("=");
      assertThat(figures.get(kv[0]).decimalValue()).as(kv[0]).isEqualByComparingTo(kv[1]);
    }
  }

  @Test
  void timeToDecisionAndToCashBesideTheTiersPooledPercentiles() throws Exception {
    JsonNode speed = scorecard(data.userS, data.s).get("speed");
    assertThat(speed.get("partnersAveraged").asInt()).isEqualTo(3);
    JsonNode me = speed.get("partner");
    assertThat(me.get("decisions").asLong()).isEqualTo(2);
    assertThat(me.get("timeToDecisionP50").asText()).isEqualTo("PT36H");
    assertThat(me.get("timeToDecisionP90").asText()).isEqualTo("PT48H");
    assertThat(me.get("payments").asLong()).isEqualTo(1);
    assertThat(me.get("timeToCashP50").asText()).isEqualTo("PT120H");
    assertThat(me.get("timeToCashP90").asText()).isEqualTo("PT120H");
    JsonNode tier = speed.get("tierAverage");
    // 10 h, 12 h, 24 h: p50 the 2nd, p90 the 3rd.
    assertThat(tier.get("decisions").asLong()).isEqualTo(3);
    assertThat(tier.get("timeToDecisionP50").asText()).isEqualTo("PT12H");
    assertThat(tier.get("timeToDecisionP90").asText()).isEqualTo("PT24H");
    assertThat(tier.get("payments").asLong()).isEqualTo(1);
    assertThat(tier.get("timeToCashP50").asText()).isEqualTo("PT48H");
  }

  @Test
  void aTierOfOnePartnerShowsNoAverage() throws Exception {
    JsonNode l = scorecard("grace", data.lonely);
    JsonNode eur = l.get("currencies").get(0);
    assertThat(eur.get("partner").get("allocated").decimalValue()).isEqualByComparingTo("5000");
    assertThat(eur.get("partnersAveraged").asInt()).isZero();
    assertThat(eur.get("tierAverageWithheld").asBoolean()).isTrue();
    assertThat(eur.get("tierAverage").isNull()).isTrue();
    assertThat(l.get("speed").get("tierAverageWithheld").asBoolean()).isTrue();
    assertThat(l.get("speed").get("tierAverage").isNull()).isTrue();
  }

  @Test
  void partnersSeeOnlyTheirOwnScorecardInternalUsersWithInsightsGroupsAny() throws Exception {
    // Q1's user sees its own, with S among the peers it is averaged with but never named.
    String own = call(data.userQ1, data.q1, "?period=" + data.period.id()).getBody();
    assertThat(own).doesNotContain(data.s).doesNotContain(data.nameS);
    for (String[] who :
        new String[][] {
          {data.userQ1, data.s},
          {"alice", data.s},
          {data.userS, UUID.randomUUID().toString()},
          {"grace", UUID.randomUUID().toString()},
          {"frank", data.s},
          {"olivia", data.s},
          // access is checked before the input: a bad period of another partner is still 404
          {data.userQ1, data.s + "?period=2026-Q5"}
        }) {
      String[] path = who[1].split("\\?");
      ResponseEntity<String> r = call(who[0], path[0], path.length > 1 ? "?" + path[1] : "");
      assertThat(r.getStatusCode().value()).as(who[0] + " → " + who[1]).isEqualTo(404);
      assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    }
    for (String user : new String[] {"carol", "dave", "erin", "grace", "paula"}) {
      assertThat(call(user, data.s, "").getStatusCode().value()).as(user).isEqualTo(200);
    }
  }

  @Test
  void aMalformedPeriodIsNamed() throws Exception {
    ResponseEntity<String> r = call(data.userS, data.s, "?period=2026-Q5");
    assertThat(r.getStatusCode().value()).isEqualTo(400);
    assertThat(r.getHeaders().getContentType().toString()).startsWith("application/problem+json");
    assertThat(json.readTree(r.getBody()).get("errors").findValuesAsText("field"))
        .containsExactly("period");
    // Without a period, the current one.
    assertThat(json.readTree(call(data.userS, data.s, "").getBody()).get("period").asText())
        .isEqualTo(time.currentPeriod().id());
  }

  @Test
  void thePageShowsTheTablesAndChartsToThePartnersUsers() {
    UiSession s = UiSession.signIn(port, data.userS);
    String path = "/partners/" + data.s + "/scorecard";
    var page = s.get(path + "?period=" + data.period.id());
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("href=\"/scorecard\"")
        .contains(data.nameS)
        .contains("id=\"chart-scorecard-utilisation\"")
        .contains("id=\"chart-scorecard-results\"")
        .contains("id=\"chart-scorecard-speed\"")
        .contains("/vendor/echarts/echarts.min.js")
        .contains("/js/scorecard.js")
        .contains("data-scorecard=\"{")
        .contains("€10,000.00")
        .contains("€6,000.00")
        .contains("30.0%")
        .contains("23.3%")
        .contains("Tier average (<span>3</span> partners)")
        .contains("<option value=\"" + data.period.id() + "\" selected=\"selected\"");
    var mine = s.get("/scorecard");
    assertThat(mine.statusCode()).isIn(302, 303);
    assertThat(mine.headers().firstValue("Location").orElseThrow()).endsWith(path);
    assertThat(s.get("/partners/" + data.s).body()).contains("href=\"" + path + "\"");
    assertThat(s.get(path + "?period=2026-Q5").body()).contains("period must be a fund period");
    assertThat(s.get("/partners/" + data.q1 + "/scorecard").statusCode()).isEqualTo(404);

    UiSession grace = UiSession.signIn(port, "grace");
    var lonely = grace.get("/partners/" + data.lonely + "/scorecard?period=" + data.period.id());
    assertThat(lonely.statusCode()).isEqualTo(200);
    assertThat(lonely.body()).contains("Tier average not shown");
    assertThat(UiSession.signIn(port, "frank").get(path).statusCode()).isEqualTo(404);
  }
}
