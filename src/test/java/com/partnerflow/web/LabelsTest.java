package com.partnerflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.identity.PartnerflowUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

class LabelsTest {

  enum MdfStatus {
    IN_REVIEW,
    SOMETHING_NEW
  }

  private final Labels labels = new Labels(messages(), new UserZone());

  @AfterEach
  void reset() {
    LocaleContextHolder.resetLocaleContext();
    RequestContextHolder.resetRequestAttributes();
    SecurityContextHolder.clearContext();
  }

  @Test
  void enumsAndCodesReadAsWordsFromTheMessagesOrFromTheirName() {
    LocaleContextHolder.setLocale(Locale.ENGLISH);
    assertThat(labels.of(MdfStatus.IN_REVIEW)).isEqualTo("In review");
    assertThat(labels.of(MdfStatus.SOMETHING_NEW)).isEqualTo("Something new");
    assertThat(labels.of("FINANCIAL_SERVICES")).isEqualTo("Financial services");
    assertThat(labels.of("EMEA")).isEqualTo("Europe, Middle East and Africa");
    assertThat(labels.of(null)).isEqualTo("—");
  }

  @Test
  void partnersSeeANeutralHolderAndNeverAnInternalGroup() {
    signIn("alice", "p-1", Set.of("partner-admins"));
    assertThat(labels.holder("channel-managers")).isEqualTo("The channel team");
    assertThat(labels.holder("marketing-directors")).isEqualTo("The channel team");
    assertThat(labels.holder("partner:p-1")).isEqualTo("Your organisation");

    signIn("carol", null, Set.of("channel-managers"));
    assertThat(labels.holder("channel-managers")).isEqualTo("Channel managers");
    assertThat(labels.holder("partner:p-1")).isEqualTo("The partner");
  }

  @Test
  void amountsCarryTheirCurrencyAndTheLocalesSeparators() {
    LocaleContextHolder.setLocale(Locale.US);
    assertThat(labels.money(new BigDecimal("5000.5"), "EUR")).isEqualTo("€5,000.50");
    assertThat(labels.number(12345)).isEqualTo("12,345");
    LocaleContextHolder.setLocale(Locale.GERMANY);
    assertThat(labels.money(new BigDecimal("5000.5"), "EUR")).isEqualTo("5.000,50\u00a0€");
    assertThat(labels.money(null, "EUR")).isEqualTo("—");
  }

  @Test
  void datesFollowTheLocaleAndTimestampsTheUsersZoneToTheMinute() {
    LocaleContextHolder.setLocale(Locale.US);
    assertThat(labels.date(LocalDate.of(2026, 12, 15))).isEqualTo("12/15/2026");
    Instant at = Instant.parse("2026-12-05T07:25:08.543124692Z");
    assertThat(labels.time(at)).isEqualTo("12/5/2026, 7:25\u202fAM UTC");

    MockHttpServletRequest request = new MockHttpServletRequest();
    request.setCookies(new jakarta.servlet.http.Cookie(UserZone.COOKIE, "Europe%2FBerlin"));
    RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    LocaleContextHolder.setLocale(Locale.GERMANY);
    assertThat(labels.time(at)).isEqualTo("05.12.2026, 08:25 MEZ");
    assertThat(labels.date(LocalDate.of(2026, 12, 15))).isEqualTo("15.12.2026");
    LocaleContextHolder.setLocale(Locale.UK);
    assertThat(labels.date(LocalDate.of(2026, 12, 5))).isEqualTo("05/12/2026");
  }

  @Test
  void anUnknownZoneFallsBackToUtc() {
    assertThat(UserZone.parse("Mars/Olympus")).hasToString("UTC");
    assertThat(UserZone.parse(null)).hasToString("UTC");
  }

  private static void signIn(String username, String partnerId, Set<String> groups) {
    PartnerflowUser user =
        new PartnerflowUser(
            username, "x", username, username + "@example.com", groups, partnerId, true);
    SecurityContextHolder.getContext()
        .setAuthentication(new UsernamePasswordAuthenticationToken(user, null, List.of()));
  }

  private static ResourceBundleMessageSource messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    return source;
  }
}
