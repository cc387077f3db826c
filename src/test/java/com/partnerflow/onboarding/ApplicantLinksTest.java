package com.partnerflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.onboarding.OnboardingToken.Purpose;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.web.server.ResponseStatusException;

class ApplicantLinksTest {

  Instant now = Instant.parse("2026-03-01T10:00:00Z");
  OnboardingTokens tokens = mock(OnboardingTokens.class);
  OnboardingProperties properties =
      new OnboardingProperties("x", "https://partners.example", "t@example", Duration.ofDays(31));

  ApplicantLinks at(Instant instant) {
    return new ApplicantLinks(tokens, properties, Clock.fixed(instant, ZoneOffset.UTC));
  }

  OnboardingToken stored(String token, Instant expiresAt) {
    var stored =
        new OnboardingToken(
            ApplicantLinks.hash(token),
            Purpose.APPLICANT_TASK,
            "app",
            "Task",
            null,
            expiresAt,
            now);
    when(tokens.findById(ApplicantLinks.hash(token))).thenReturn(Optional.of(stored));
    return stored;
  }

  @Test
  void issuesAnUnguessableTokenAndStoresOnlyItsHash() {
    var saved = ArgumentCaptor.forClass(OnboardingToken.class);
    when(tokens.save(saved.capture())).thenAnswer(i -> i.getArgument(0));

    String token = at(now).issue(Purpose.APPLICANT_TASK, "app", "Task", null);

    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(saved.getValue().getTokenHash())
        .isEqualTo(ApplicantLinks.hash(token))
        .isNotEqualTo(token);
    assertThat(saved.getValue().getExpiresAt()).isEqualTo(now.plus(Duration.ofDays(31)));
    assertThat(at(now).linkTo("/applicant-tasks/", token))
        .isEqualTo("https://partners.example/applicant-tasks/" + token);
  }

  @Test
  void acceptsAValidTokenOnlyForItsPurpose() {
    stored("good-token", now.plusSeconds(60));

    assertThat(at(now).valid("good-token", Purpose.APPLICANT_TASK).getApplicationId())
        .isEqualTo("app");
    assertThatThrownBy(() -> at(now).valid("good-token", Purpose.SET_PASSWORD))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void refusesATamperedToken() {
    when(tokens.findById(any())).thenReturn(Optional.empty());
    assertThatThrownBy(() -> at(now).valid("tampered", Purpose.APPLICANT_TASK))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> at(now).valid("x".repeat(5000), Purpose.APPLICANT_TASK))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void refusesAnExpiredTokenWithGone() {
    stored("old-token", now.minusSeconds(1));
    assertThatThrownBy(() -> at(now).valid("old-token", Purpose.APPLICANT_TASK))
        .isInstanceOfSatisfying(
            ResponseStatusException.class,
            e -> assertThat(e.getStatusCode().value()).isEqualTo(410));
  }

  @Test
  void aTokenIsUsedUpOnce() {
    when(tokens.useUp(any(), any())).thenReturn(1, 0);
    at(now).useUp("once");
    assertThatThrownBy(() -> at(now).useUp("once")).isInstanceOf(ConflictException.class);
  }
}
