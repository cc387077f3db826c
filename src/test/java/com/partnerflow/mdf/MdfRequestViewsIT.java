package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What partners and internal users see of MDF requests: the list's filters (API and page) and the
 * request page with its decision history. The requests are stored directly (no process runs), so
 * their status and age stay as the test sets them.
 */
@PartnerflowIntegrationTest
class MdfRequestViewsIT {

  @Autowired TestRestTemplate http;
  @Autowired MdfRequests requests;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired JdbcTemplate jdbc;
  @Autowired BusinessTime time;
  @LocalServerPort int port;

  /** A partner of a test with one partner user (password demo) and one stored request. */
  record Stored(String partnerId, String user, MdfRequest request) {}

  Stored silverApac;
  Stored goldLatam;

  @BeforeEach
  void storeTwoRequests() {
    silverApac = store(Tier.SILVER, Region.APAC, "Silver APAC webinar");
    goldLatam = store(Tier.GOLD, Region.LATAM, "Gold LATAM webinar");
    // The gold request was decided by carol 10 days ago.
    jdbc.update(
        "UPDATE mdf_request SET status = 'REJECTED', submitted_at = ? WHERE id = ?",
        Timestamp.from(time.now().minus(10, ChronoUnit.DAYS)),
        goldLatam.request().getId());
  }

  Stored store(Tier tier, Region region, String title) {
    String name = "mdfv" + UUID.randomUUID().toString().substring(0, 8);
    Partner partner =
        partners.save(new Partner("MDF " + name, name + ".example", tier, region, time.now()));
    accounts.createIfAbsent(name, "demo", "User " + name, null, partner.getId(), Set.of());
    MdfRequest request =
        new MdfRequest(
            partner.getId(),
            name,
            MdfSubmissions.webinar(title + " " + name, "1500.50", time.today().plusDays(3)),
            time.now());
    request.scored(35, "MEDIUM", java.util.List.of("Amount is a round number"));
    request.moveTo(
        MdfStatus.IN_REVIEW, "channel-managers", Instant.parse("2030-01-02T03:04:05Z"), time.now());
    request.record(
        new MdfDecision(
            "carol",
            "REQUEST_CHANGES",
            "channel-managers",
            "Name the speakers",
            null,
            time.now(),
            "test:" + name));
    return new Stored(partner.getId(), name, requests.save(request));
  }

  ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  String ids(String user, String query) {
    var response = get(user, "/api/mdf-requests" + query);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return response.getBody();
  }

  @Test
  void internalUsersFilterByTierRegionStatusPartnerAndAge() {
    String silver = silverApac.request().getId();
    String gold = goldLatam.request().getId();

    assertThat(ids("carol", "")).contains(silver, gold);
    assertThat(ids("carol", "?tier=SILVER")).contains(silver).doesNotContain(gold);
    assertThat(ids("carol", "?region=LATAM")).contains(gold).doesNotContain(silver);
    assertThat(ids("carol", "?tier=GOLD&region=LATAM")).contains(gold).doesNotContain(silver);
    assertThat(ids("carol", "?tier=GOLD&region=APAC")).doesNotContain(silver, gold);
    assertThat(ids("carol", "?minAgeDays=7")).contains(gold).doesNotContain(silver);
    assertThat(ids("carol", "?minAgeDays=0")).contains(silver, gold);
    assertThat(ids("carol", "?status=REJECTED&partnerId=" + goldLatam.partnerId()))
        .contains(gold)
        .contains("\"total\":1");
    assertThat(ids("carol", "?status=IN_REVIEW&partnerId=" + goldLatam.partnerId()))
        .contains("\"total\":0");
    // Blank values do not filter, as an empty select of the page sends them.
    assertThat(ids("carol", "?status=&tier=&region=&minAgeDays=&partnerId="))
        .contains(silver, gold);
  }

  @Test
  void partnerUsersFilterOnlyTheirOwnRequests() {
    String silver = silverApac.request().getId();
    assertThat(ids(silverApac.user(), "")).contains(silver).contains("\"total\":1");
    assertThat(ids(silverApac.user(), "?tier=SILVER&region=APAC")).contains(silver);
    assertThat(ids(silverApac.user(), "?tier=GOLD")).contains("\"total\":0");
    assertThat(ids(silverApac.user(), "?partnerId=" + goldLatam.partnerId()))
        .contains("\"total\":0");
  }

  @Test
  void badFilterValuesAreProblemsNamingEachParameter() {
    var response =
        get("carol", "/api/mdf-requests?tier=BRONZE&region=MARS&status=OPEN&minAgeDays=-1");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getHeaders().getContentType().toString())
        .isEqualTo("application/problem+json");
    assertThat(response.getBody())
        .contains(
            "{\"field\":\"tier\",\"message\":\"must be one of [REGISTERED, SILVER, GOLD, PLATINUM]\"}")
        .contains("{\"field\":\"region\",\"message\":\"must be one of [AMER, EMEA, APAC, LATAM]\"}")
        .contains("{\"field\":\"status\",\"message\":\"must be one of [SUBMITTED,")
        .contains(
            "{\"field\":\"minAgeDays\",\"message\":\"must be a whole number of days, 0 or more\"}");
    assertThat(get("carol", "/api/mdf-requests?minAgeDays=soon").getBody())
        .contains("\"field\":\"minAgeDays\"");
  }

  @Test
  void theListPageFiltersForInternalUsersAndShowsPartnersNeitherFiltersNorRisk() {
    UiSession carol = UiSession.signIn(port, "carol");
    var silverOnly = carol.get("/mdf-requests?tier=SILVER&region=APAC&minAgeDays=0");
    assertThat(silverOnly.statusCode()).isEqualTo(200);
    assertThat(silverOnly.body())
        .contains(silverApac.request().getTitle())
        .doesNotContain(goldLatam.request().getTitle())
        .contains("name=\"tier\"")
        .contains("name=\"region\"")
        .contains("name=\"minAgeDays\"")
        .contains("<option value=\"SILVER\" selected=\"selected\">")
        .contains("MDF " + silverApac.user())
        .contains(">Medium</td>")
        .contains("href=\"/mdf-requests/" + silverApac.request().getId() + "\"");
    assertThat(carol.get("/mdf-requests?minAgeDays=7").body())
        .contains(goldLatam.request().getTitle())
        .doesNotContain(silverApac.request().getTitle());

    var bad = carol.get("/mdf-requests?tier=BRONZE");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("<strong>tier</strong>").contains("No MDF requests.");

    var partnerPage = UiSession.signIn(port, silverApac.user()).get("/mdf-requests");
    assertThat(partnerPage.body())
        .contains(silverApac.request().getTitle())
        .doesNotContain(goldLatam.request().getTitle())
        .doesNotContain("name=\"tier\"")
        .doesNotContain(">Medium</td>");
  }

  @Test
  void theRequestPageShowsThePartnerTheirRequestAndDecisionHistoryButNotTheRiskOrThePerson() {
    String path = "/mdf-requests/" + silverApac.request().getId();

    var own = UiSession.signIn(port, silverApac.user()).get(path);
    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body())
        .contains(silverApac.request().getTitle())
        .contains("In review")
        .contains("The channel team")
        .doesNotContain("channel-managers")
        .doesNotContain("IN_REVIEW")
        .contains("1/2/2030, 3:04\u202fAM UTC")
        .contains("Invitations")
        .contains("Webinar held")
        .contains("Request changes")
        .contains("Name the speakers")
        .doesNotContain("carol")
        .doesNotContain("id=\"mdf-request-risk\"")
        .doesNotContain("Amount is a round number");

    var foreign = UiSession.signIn(port, goldLatam.user()).get(path);
    assertThat(foreign.statusCode()).isEqualTo(404);
    assertThat(foreign.body()).doesNotContain(silverApac.request().getTitle());
    assertThat(UiSession.signIn(port, goldLatam.user()).get("/mdf-requests/nope").statusCode())
        .isEqualTo(404);

    var internal = UiSession.signIn(port, "carol").get(path);
    assertThat(internal.statusCode()).isEqualTo(200);
    assertThat(internal.body())
        .contains("<td>carol</td>")
        .contains("id=\"mdf-request-risk\"")
        .contains("Medium (score 35)")
        .contains("Channel managers")
        .contains("Amount is a round number")
        .contains("MDF " + silverApac.user());
  }
}
