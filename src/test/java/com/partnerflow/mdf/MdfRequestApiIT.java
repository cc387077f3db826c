package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.TestPartners;
import com.partnerflow.UiSession;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** Refusals of {@code POST /api/mdf-requests}: clear 4xx answers and nothing written. */
@PartnerflowIntegrationTest
class MdfRequestApiIT {

  @Autowired TestRestTemplate http;
  @Autowired MdfRequests requests;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired FundLedger funds;
  @Autowired BusinessTime time;
  @LocalServerPort int port;

  ResponseEntity<String> post(String user, String json) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo")
        .exchange(
            "/api/mdf-requests", HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }

  String valid() {
    return MdfRequestProcessIT.body(
        time.today().plusDays(1), "WEBINAR", "API webinar", "1500.50", "1500.50");
  }

  /**
   * A partner of its own with one user (password demo) and a budget in the current fund period: the
   * demo partners' budgets belong to the period the service started in, which earlier tests may
   * have moved the clock out of.
   */
  String partnerWithBudget(String budget) {
    return new TestPartners(partners, accounts, funds, time)
        .withBudget("mdfp", Tier.SILVER, Region.AMER, budget);
  }

  @Test
  void refusesEveryBadFieldAtOnceAndWritesNothing() {
    long before = requests.count();
    String start = time.today().plusDays(5).toString();
    String end = time.today().plusDays(4).toString();
    String json =
        """
        {"activityType":"WEBINAR","title":"Bad","startDate":"%s","endDate":"%s","currency":"USD",
         "totalCost":100.005,"requestedAmount":0,"partnerContribution":-5,
         "milestones":[{"name":"A","plannedDate":"%s","sharePercent":50},
                       {"name":"B","plannedDate":"%s","sharePercent":40}]}
        """
            .formatted(start, end, start, start);

    var response = post(partnerWithBudget("50000.00"), json);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(response.getBody())
        .contains("{\"field\":\"endDate\",\"message\":\"must not be before startDate\"}")
        .contains(
            "{\"field\":\"currency\",\"message\":\"must be the currency of the partner's budget [EUR]\"}")
        .contains("{\"field\":\"totalCost\",\"message\":\"must have at most 2 decimals\"}")
        .contains("{\"field\":\"requestedAmount\",\"message\":\"must be greater than 0\"}")
        .contains("{\"field\":\"partnerContribution\",\"message\":\"must not be negative\"}")
        .contains("{\"field\":\"milestones\",\"message\":\"shares must sum to 100 %, not 90\"}");
    assertThat(requests.count()).isEqualTo(before);
  }

  @Test
  void refusesPropertiesTheServiceSetsOrDoesNotKnowAndWritesNothing() {
    long before = requests.count();
    String globex = partners.findByName("Globex").orElseThrow().getId();
    String json =
        valid()
            .replaceFirst(
                "^\\{",
                "{\"partnerId\":\""
                    + globex
                    + "\",\"status\":\"APPROVED\",\"approvedAmount\":99999,")
            .replaceFirst("\"name\":", "\"paid\":true,\"name\":");

    var response = post("alice", json);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(response.getBody())
        .contains(
            "{\"field\":\"partnerId\",\"message\":\"is not accepted here: unknown, or set by the service\"}")
        .contains("{\"field\":\"status\",")
        .contains("{\"field\":\"approvedAmount\",")
        .contains("{\"field\":\"milestones[0].paid\",");
    assertThat(requests.count()).isEqualTo(before);
  }

  @Test
  void refusesAnUnknownActivityTypeAndMalformedDates() {
    assertThat(post("alice", valid().replace("\"WEBINAR\"", "\"PARTY\"")).getBody())
        .contains("\"field\":\"activityType\"");
    var badDate =
        post("alice", valid().replaceFirst("\"startDate\":\"[^\"]+\"", "\"startDate\":\"soon\""));
    assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(badDate.getBody()).contains("\"field\":\"startDate\"");
  }

  @Test
  void internalUsersCannotSubmit() {
    long before = requests.count();
    var response = post("carol", valid());
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(requests.count()).isEqualTo(before);
  }

  @Test
  void aSuspendedPartnerCannotSubmit() {
    String name = "mdfs" + UUID.randomUUID().toString().substring(0, 8);
    Partner partner =
        partners.save(
            new Partner("MDF " + name, name + ".example", Tier.GOLD, Region.EMEA, time.now()));
    accounts.createIfAbsent(name, "demo", "User " + name, null, partner.getId(), Set.of());
    jdbc.update("UPDATE partner SET status = 'SUSPENDED' WHERE id = ?", partner.getId());
    long before = requests.count();

    var response = post(name, valid());

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(response.getBody()).contains("is SUSPENDED and cannot request funds");
    assertThat(requests.count()).isEqualTo(before);
  }

  @Test
  void unknownAndForeignRequestsAreNotFound() {
    assertThat(
            http.withBasicAuth("alice", "demo")
                .getForEntity("/api/mdf-requests/nope", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(
            http.withBasicAuth("bob", "demo")
                .getForEntity("/api/mdf-requests?status=NOT_A_STATUS", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
  }

  @Test
  void thePartnerPortalListsOnlyTheirOwnRequestsWithTheirBalance() {
    String user = partnerWithBudget("150000.00");
    var created =
        post(
            user,
            MdfRequestProcessIT.body(
                time.today().plusDays(1),
                "WEBINAR",
                "Globex <b>portal</b> webinar",
                "900.50",
                "900.50"));
    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);

    var ownPage = UiSession.signIn(port, user).get("/mdf-requests");
    assertThat(ownPage.statusCode()).isEqualTo(200);
    assertThat(ownPage.body())
        .contains("Globex &lt;b&gt;portal&lt;/b&gt; webinar")
        .contains("150000.00");
    assertThat(UiSession.signIn(port, "alice").get("/mdf-requests").body())
        .doesNotContain("portal&lt;/b&gt; webinar");
    assertThat(UiSession.signIn(port, "carol").get("/mdf-requests").body())
        .contains("Globex &lt;b&gt;portal&lt;/b&gt; webinar");
  }

  @Test
  void thePortalRendersTheStartFormWithFormJs() {
    var page = UiSession.signIn(port, "alice").get("/mdf-requests/new");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("id=\"mdf-request-form\"")
        .contains("/vendor/form-js/form-viewer.umd.js")
        .contains("/js/mdf-request-form.js");
    assertThat(UiSession.signIn(port, "alice").getJson("/api/mdf-requests/form").body())
        .contains("\"id\": \"mdf-request\"")
        .contains("\"path\": \"milestones\"");
  }
}
