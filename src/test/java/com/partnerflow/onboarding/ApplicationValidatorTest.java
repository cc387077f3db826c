package com.partnerflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplicationValidatorTest {

  ApplicationValidator validator = ApplicationValidator.fromClasspath();

  static Map<String, Object> valid() {
    Map<String, Object> body = new HashMap<>();
    body.put("companyName", "Initech GmbH");
    body.put("website", "https://www.Initech.example/about");
    body.put("country", "DE");
    body.put("region", "EMEA");
    body.put("partnerType", "RESELLER");
    body.put("verticals", List.of("RETAIL", "HEALTHCARE"));
    body.put("expectedAnnualRevenue", 300000);
    body.put("certifiedStaff", 3);
    body.put("contactName", "Ann Example");
    body.put("contactEmail", "Ann@Initech.example");
    body.put("acceptTerms", true);
    return body;
  }

  List<String> fieldsRefused(Map<String, Object> body) {
    try {
      validator.validate(body);
      return List.of();
    } catch (InvalidRequestException e) {
      return e.problems().stream().map(FieldProblem::field).toList();
    }
  }

  @Test
  void acceptsAValidApplicationAndDerivesTheDomain() {
    ValidApplication application = validator.validate(valid());

    assertThat(application.domain()).isEqualTo("initech.example");
    assertThat(application.contactEmail()).isEqualTo("ann@initech.example");
    assertThat(application.expectedAnnualRevenue()).isEqualByComparingTo(new BigDecimal(300000));
    assertThat(application.verticals()).containsExactly("RETAIL", "HEALTHCARE");
  }

  @Test
  void namesEveryMissingField() {
    assertThat(fieldsRefused(Map.of()))
        .contains(
            "companyName",
            "website",
            "country",
            "region",
            "partnerType",
            "expectedAnnualRevenue",
            "certifiedStaff",
            "contactName",
            "contactEmail",
            "acceptTerms");
  }

  @Test
  void refusesAbsurdValues() {
    var body = valid();
    body.put("expectedAnnualRevenue", -1);
    body.put("certifiedStaff", 1_000_000);
    body.put("companyName", "x".repeat(201));
    body.put("region", "MARS");
    body.put("partnerType", "PIRATE");
    assertThat(fieldsRefused(body))
        .contains(
            "expectedAnnualRevenue", "certifiedStaff", "companyName", "region", "partnerType");
  }

  @Test
  void refusesScriptInText() {
    var body = valid();
    body.put("companyName", "<script>alert(1)</script>");
    body.put("contactName", "Ann <b>");
    assertThat(fieldsRefused(body)).containsExactlyInAnyOrder("companyName", "contactName");
  }

  @Test
  void refusesAnUnknownCountryAndUnacceptedTerms() {
    var body = valid();
    body.put("country", "XX");
    body.put("acceptTerms", false);
    assertThat(fieldsRefused(body)).containsExactlyInAnyOrder("country", "acceptTerms");
  }

  @Test
  void refusesAWebsiteWithoutADomainAndABadEmail() {
    var body = valid();
    body.put("website", "javascript:alert(1)");
    body.put("contactEmail", "not-an-email");
    assertThat(fieldsRefused(body)).containsExactlyInAnyOrder("website", "contactEmail");
  }

  @Test
  void domainOfStripsSchemeWwwPathAndPort() {
    assertThat(ApplicationValidator.domainOf("http://www.example.com:8080/x?y"))
        .isEqualTo("example.com");
    assertThat(ApplicationValidator.domainOf("localhost")).isNull();
  }

  @Test
  void refusesWithoutThrowingForWrongTypes() {
    var body = valid();
    body.put("verticals", "RETAIL");
    body.put("certifiedStaff", "many");
    assertThatThrownBy(() -> validator.validate(body)).isInstanceOf(InvalidRequestException.class);
  }
}
