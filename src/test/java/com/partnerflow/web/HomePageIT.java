package com.partnerflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The home page sends each kind of user to where their work is, and no further. */
@PartnerflowIntegrationTest
class HomePageIT {

  @LocalServerPort int port;

  @Test
  void aPartnerUserIsSentToTheirRequestsTasksAndOrganisation() {
    String home = UiSession.signIn(port, "alice").get("/").body();

    assertThat(home)
        .contains("Welcome, ")
        .contains("href=\"/mdf-requests/new\"")
        .contains("href=\"/mdf-requests\"")
        .contains("href=\"/tasks\"")
        .contains("Your organisation")
        .doesNotContain("href=\"/partner-applications\"")
        .doesNotContain("href=\"/process-owner\"");
  }

  @Test
  void internalUsersSeeTheLinksOfTheirGroups() {
    String carol = UiSession.signIn(port, "carol").get("/").body();
    assertThat(carol)
        .contains("MDF requests of all partners")
        .contains("href=\"/partner-applications\"")
        .doesNotContain("href=\"/process-owner\"")
        .doesNotContain("href=\"/mdf-requests/new\"");

    String olivia = UiSession.signIn(port, "olivia").get("/").body();
    assertThat(olivia)
        .contains("href=\"/process-owner\"")
        .doesNotContain("href=\"/partner-applications\"");
  }
}
