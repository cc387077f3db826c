package com.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Partners see only their own organisation; another's is a 404, not a 403. */
@PartnerflowIntegrationTest
class PartnerDirectoryIT {

  @Autowired TestRestTemplate http;
  @Autowired Partners partners;

  @Test
  void partnerUserListsOnlyTheirOwnPartner() {
    var body = http.withBasicAuth("alice", "demo").getForObject("/api/partners", String.class);

    assertThat(body).contains("Acme Corp").doesNotContain("Globex");
  }

  @Test
  void anotherPartnersRecordIsNotFoundForAPartnerUser() {
    String globex = partners.findByName("Globex").orElseThrow().getId();

    var response =
        http.withBasicAuth("alice", "demo").getForEntity("/api/partners/" + globex, String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void internalUserSeesEveryPartnerWithStatusTierAndRegion() {
    String globex = partners.findByName("Globex").orElseThrow().getId();

    var body =
        http.withBasicAuth("carol", "demo").getForObject("/api/partners/" + globex, String.class);

    assertThat(body)
        .contains("\"name\":\"Globex\"")
        .contains("\"status\":\"ACTIVE\"")
        .contains("\"tier\":\"SILVER\"")
        .contains("\"region\":\"AMER\"");
  }
}
