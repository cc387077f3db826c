package com.partnerflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/** The OpenAPI document and its UI are served without signing in. */
@PartnerflowIntegrationTest
class ApiDocsIT {

  @Autowired TestRestTemplate http;

  @Test
  void openApiDocumentListsTheTaskApi() {
    var response = http.getForEntity("/v3/api-docs", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody())
        .contains("\"/api/tasks\"")
        .contains("\"/api/tasks/{id}/complete\"")
        .contains("\"/api/me\"");
  }

  @Test
  void swaggerUiIsServed() {
    var response = http.getForEntity("/swagger-ui/index.html", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(response.getBody()).contains("Swagger UI");
  }
}
