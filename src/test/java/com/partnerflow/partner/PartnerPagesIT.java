package com.partnerflow.partner;

import static com.partnerflow.ScriptText.ESCAPED;
import static com.partnerflow.ScriptText.SCRIPT;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The partner pages over HTTP: the list for internal users, one's own page, 404 for others. */
@PartnerflowIntegrationTest
class PartnerPagesIT {

  @LocalServerPort int port;
  @Autowired Partners partners;
  @Autowired BusinessTime time;
  String acme;
  String globex;

  @BeforeEach
  void setUp() {
    acme = partners.findByName("Acme Corp").orElseThrow().getId();
    globex = partners.findByName("Globex").orElseThrow().getId();
  }

  @Test
  void internalUsersListEveryPartner() {
    for (String user : List.of("carol", "dave", "admin")) {
      var page = UiSession.signIn(port, user).get("/partners");
      assertThat(page.statusCode()).as(user).isEqualTo(200);
      assertThat(page.body())
          .as(user)
          .contains("href=\"/partners/" + acme + "\">Acme Corp</a>")
          .contains("href=\"/partners/" + globex + "\">Globex</a>")
          .contains("href=\"/partners\">Partners</a>");
    }
  }

  @Test
  void aPartnerUserIsSentToTheirOwnPartner() {
    var alice = UiSession.signIn(port, "alice");

    var list = alice.get("/partners");
    assertThat(list.statusCode()).isEqualTo(302);
    assertThat(list.headers().firstValue("Location").orElseThrow()).endsWith("/partners/" + acme);
    assertThat(alice.get("/").body()).contains("href=\"/partners\">My organisation</a>");
  }

  @Test
  void thePartnerPageShowsTheFactsFundsAndUsers() {
    var page = UiSession.signIn(port, "alice").get("/partners/" + acme);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<h1>Acme Corp</h1>")
        .contains("Active")
        .contains("Gold")
        .contains("Europe, Middle East and Africa")
        .contains("id=\"funds\"")
        .contains("EUR")
        .contains("id=\"partner-users\"")
        .contains("alice@acme.example")
        .doesNotContain("bob@")
        .doesNotContain("Globex");
  }

  @Test
  void anotherOrganisationsPartnerIsTheNotFoundPage() {
    var bob = UiSession.signIn(port, "bob");

    for (String path : List.of("/partners/" + acme, "/partners/no-such-partner")) {
      var page = bob.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(404);
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(page.body())
          .as(path)
          .contains("Not found")
          .doesNotContain("Acme Corp")
          .doesNotContain("alice@");
    }
  }

  @Test
  void scriptInAPartnerNameIsRenderedEscaped() {
    Partner scripted =
        partners.save(
            new Partner(
                SCRIPT + " Ltd", "scripted.example", Tier.REGISTERED, Region.APAC, time.now()));
    var carol = UiSession.signIn(port, "carol");

    for (String path : List.of("/partners", "/partners/" + scripted.getId())) {
      var page = carol.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.body()).as(path).contains(ESCAPED + " Ltd").doesNotContain(SCRIPT);
    }
  }
}
