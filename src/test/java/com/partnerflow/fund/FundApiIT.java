package com.partnerflow.fund;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.demo.DemoData;
import com.partnerflow.partner.Partners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * {@code GET /api/partners/{id}/funds} on the whole service with its demo data: partners see only
 * their own budgets (another's is a 404, not a 403), internal users see every partner's.
 */
@PartnerflowIntegrationTest
class FundApiIT {

  @Autowired TestRestTemplate http;
  @Autowired Partners partners;
  @Autowired FundLedger ledger;
  @Autowired ObjectMapper json;
  @Autowired DemoData demoData;

  /**
   * The demo data gives the demo partners budgets in the fund period that is current when it runs,
   * at the service's start. Earlier tests may have moved the clock into a later period; seeding
   * again (which changes nothing within a period) gives the current period its demo budgets.
   */
  @BeforeEach
  void demoBudgetsOfTheCurrentPeriod() {
    demoData.run(null);
  }

  /** The budget of the current fund period in a funds response. */
  JsonNode currentBudget(String body) throws Exception {
    String period = ledger.currentPeriod().id();
    for (JsonNode budget : json.readTree(body)) {
      if (budget.get("period").asText().equals(period)) {
        return budget;
      }
    }
    throw new AssertionError("No budget of " + period + " in " + body);
  }

  String id(String name) {
    return partners.findByName(name).orElseThrow().getId();
  }

  @Test
  void partnerUserSeesTheirOwnDemoBudget() throws Exception {
    ResponseEntity<String> response =
        http.withBasicAuth("alice", "demo")
            .getForEntity("/api/partners/" + id("Acme Corp") + "/funds", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    JsonNode budget = currentBudget(response.getBody());
    assertThat(budget.get("currency").asText()).isEqualTo("EUR");
    assertThat(budget.get("allocated").decimalValue()).isEqualByComparingTo("250000.00");
    assertThat(budget.get("paid").decimalValue()).isEqualByComparingTo("0.00");
    assertThat(budget.has("available")).isTrue();
    // Amounts are JSON numbers with two decimals.
    assertThat(response.getBody()).contains("\"allocated\":250000.00", "\"paid\":0.00");
  }

  @Test
  void anotherPartnersFundsAreNotFoundForAPartnerUser() {
    ResponseEntity<String> response =
        http.withBasicAuth("alice", "demo")
            .getForEntity("/api/partners/" + id("Globex") + "/funds", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody()).doesNotContain("150000");
  }

  @Test
  void internalUserSeesAnyPartnersFunds() throws Exception {
    String body =
        http.withBasicAuth("erin", "demo")
            .getForObject("/api/partners/" + id("Globex") + "/funds", String.class);

    assertThat(currentBudget(body).get("allocated").decimalValue())
        .isEqualByComparingTo("150000.00");
  }

  @Test
  void seedingTheDemoDataAgainAllocatesNothingTwice() {
    FundPeriod period = ledger.currentPeriod();
    String acme = id("Acme Corp");
    int entries = ledger.movements(acme, period, "EUR").size();

    demoData.run(null);

    assertThat(ledger.movements(acme, period, "EUR")).hasSize(entries);
    assertThat(ledger.balance(acme, period, "EUR").orElseThrow().allocated())
        .isEqualByComparingTo("250000.00");
  }

  @Test
  void unknownPartnerIsNotFound() {
    ResponseEntity<String> response =
        http.withBasicAuth("erin", "demo")
            .getForEntity("/api/partners/no-such-partner/funds", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void signInIsRequired() {
    ResponseEntity<String> response =
        http.getForEntity("/api/partners/" + id("Acme Corp") + "/funds", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }
}
