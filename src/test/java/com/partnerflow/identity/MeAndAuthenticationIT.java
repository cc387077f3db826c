package com.partnerflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.partner.Partners;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Who-am-I and how the API refuses strangers. */
@PartnerflowIntegrationTest
class MeAndAuthenticationIT {

  @Autowired TestRestTemplate http;
  @Autowired Partners partners;

  record Me(String username, String displayName, java.util.List<String> groups, String partnerId) {}

  @Test
  void partnerUserSeesTheirPartnerOrganisation() {
    var me = http.withBasicAuth("alice", "demo").getForObject("/api/me", Me.class);

    assertThat(me.username()).isEqualTo("alice");
    assertThat(me.displayName()).isEqualTo("Alice Anders");
    assertThat(me.partnerId()).isEqualTo(partners.findByName("Acme Corp").orElseThrow().getId());
  }

  @Test
  void internalUserSeesTheirGroupsAndNoPartner() {
    var me = http.withBasicAuth("carol", "demo").getForObject("/api/me", Me.class);

    assertThat(me.groups()).containsExactly("channel-managers", "partner-managers");
    assertThat(me.partnerId()).isNull();
  }

  @Test
  void missingOrWrongCredentialsAnswer401AsProblemJson() {
    var anonymous = http.getForEntity("/api/me", String.class);
    var wrong = http.withBasicAuth("alice", "nope").getForEntity("/api/me", String.class);

    for (var response : java.util.List.of(anonymous, wrong)) {
      assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
      assertThat(response.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(response.getBody()).contains("\"status\":401");
    }
  }

  @Test
  void uiPagesSendStrangersToTheSignInPage() {
    var response = http.getForEntity("/", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("<h1>Sign in</h1>").contains("name=\"password\"");
  }
}
