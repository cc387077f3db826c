package com.partnerflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.onboarding.ApplicationScreening.KnownPartner;
import com.partnerflow.onboarding.ScreeningResult.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationScreeningTest {

  List<DeniedParty> denied =
      List.of(new DeniedParty("Evil Exports Ltd", "evil-exports.example", "KP", "Demo list"));
  List<KnownPartner> partners = List.of(new KnownPartner("Acme Corp", "acme.example"));

  ScreeningResult screen(String name, String domain, String email) {
    return ApplicationScreening.screen(name, domain, email, partners, denied);
  }

  @Test
  void passesACleanApplicationWhoseContactUsesTheWebsiteDomain() {
    var result = screen("Initech", "initech.example", "ann@initech.example");

    assertThat(result.outcome()).isEqualTo(Outcome.PASS);
    assertThat(result.reasons()).isEmpty();
  }

  @Test
  void acceptsAContactOnASubdomainOfTheWebsite() {
    assertThat(screen("Initech", "initech.example", "ann@mail.initech.example").outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void rejectsADeniedPartyByNormalisedName() {
    var result = screen("EVIL exports, LTD.", "other.example", "x@other.example");

    assertThat(result.outcome()).isEqualTo(Outcome.REJECT);
    assertThat(result.reasons()).anyMatch(r -> r.contains("Denied party: Evil Exports Ltd"));
  }

  @Test
  void rejectsADeniedPartyByDomain() {
    assertThat(screen("Nice Name", "evil-exports.example", "a@evil-exports.example").outcome())
        .isEqualTo(Outcome.REJECT);
  }

  @Test
  void rejectsAnExistingPartnersDomain() {
    var result = screen("Acme Reloaded", "acme.example", "bob@acme.example");

    assertThat(result.outcome()).isEqualTo(Outcome.REJECT);
    assertThat(result.reasons())
        .containsExactly("Already a partner with domain acme.example: Acme Corp");
  }

  @Test
  void rejectsTheExactNameOfAnExistingPartnerBecauseActivationCouldNotSucceed() {
    var result = screen("acme corp ", "acme-other.example", "bob@acme-other.example");

    assertThat(result.outcome()).isEqualTo(Outcome.REJECT);
    assertThat(result.reasons()).containsExactly("Already a partner named Acme Corp");
  }

  @Test
  void sendsAnExistingPartnersNameToReview() {
    var result = screen("ACME Corporation", "acme-new.example", "bob@acme-new.example");

    assertThat(result.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    assertThat(result.reasons()).containsExactly("A partner with a similar name exists: Acme Corp");
  }

  @Test
  void sendsAForeignContactDomainToReview() {
    var result = screen("Initech", "initech.example", "ann@gmail.example");

    assertThat(result.outcome()).isEqualTo(Outcome.NEEDS_REVIEW);
    assertThat(result.reasons().get(0)).contains("gmail.example").contains("initech.example");
  }

  @Test
  void normalisesNamesWithoutLegalFormAccentsAndPunctuation() {
    assertThat(ApplicationScreening.normalisedName("Müller & Söhne GmbH"))
        .isEqualTo(ApplicationScreening.normalisedName("muller sohne"));
    assertThat(ApplicationScreening.normalisedName("Co")).isEqualTo("co");
  }
}
