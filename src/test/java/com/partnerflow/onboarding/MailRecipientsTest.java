package com.partnerflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.partnerflow.identity.AppUser;
import com.partnerflow.identity.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MailRecipientsTest {

  static final String TEAM = "partner-managers@partnerflow.example";

  Users users = mock(Users.class);
  MailRecipients recipients =
      new MailRecipients(
          users, new OnboardingProperties("unused", "http://localhost", TEAM, Duration.ofDays(1)));

  static AppUser manager(String name, String email) {
    return new AppUser(name, "hash", name, email, null, Set.of("partner-managers"), Instant.EPOCH);
  }

  @Test
  void theApplicantIsTheContactAndTheDefault() {
    Map<String, Object> variables = Map.of("contactEmail", "ann@initech.example");

    assertThat(recipients.of("applicant", variables)).containsExactly("ann@initech.example");
    assertThat(recipients.of(null, variables)).containsExactly("ann@initech.example");
  }

  @Test
  void partnerManagersAreEveryReachableMemberOnce() {
    when(users.findReachableMembersOf("partner-managers"))
        .thenReturn(
            List.of(
                manager("carol", "carol@partnerflow.example"),
                manager("pat", "pat@partnerflow.example"),
                manager("pat-2", "pat@partnerflow.example")));

    assertThat(recipients.of("partner-managers", Map.of()))
        .containsExactly("carol@partnerflow.example", "pat@partnerflow.example");
  }

  @Test
  void anEmptyGroupFallsBackToTheTeamAddress() {
    when(users.findReachableMembersOf("partner-managers")).thenReturn(List.of());

    assertThat(recipients.of("partner-managers", Map.of())).containsExactly(TEAM);
  }

  @Test
  void anUnknownRecipientFailsInsteadOfMailingTheApplicant() {
    assertThatThrownBy(
            () -> recipients.of("partner-manager", Map.of("contactEmail", "ann@initech.example")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'partner-manager'");
  }
}
