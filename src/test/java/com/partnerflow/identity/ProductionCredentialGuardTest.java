package com.partnerflow.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionCredentialGuardTest {

  UserAccounts accounts = mock(UserAccounts.class);
  MockEnvironment environment = new MockEnvironment();

  @Test
  void refusesToStartWhenADemoAccountSignsInWithTheDemoPassword() {
    when(accounts.hasPassword("carol", "demo")).thenReturn(true);
    var guard = new ProductionCredentialGuard(accounts, new IdentityProperties(null), environment);

    assertThatThrownBy(guard::afterSingletonsInstantiated)
        .hasMessageContaining("carol")
        .hasMessageContaining("demo password");
  }

  @Test
  void refusesToStartWithDemoDataSwitchedOnOutsideTheEmbeddedMode() {
    environment.setProperty("partnerflow.demo.enabled", "true");
    var guard = new ProductionCredentialGuard(accounts, new IdentityProperties(null), environment);

    assertThatThrownBy(guard::afterSingletonsInstantiated)
        .hasMessageContaining("partnerflow.demo.enabled");
  }

  @Test
  void refusesAShortBootstrapAdminPassword() {
    var guard =
        new ProductionCredentialGuard(accounts, new IdentityProperties("short"), environment);

    assertThatThrownBy(guard::afterSingletonsInstantiated).hasMessageContaining("12 characters");
  }

  @Test
  void createsTheBootstrapAdminWhenConfigured() {
    var guard =
        new ProductionCredentialGuard(
            accounts, new IdentityProperties("a-long-enough-secret"), environment);

    assertThatCode(guard::afterSingletonsInstantiated).doesNotThrowAnyException();
    verify(accounts)
        .createIfAbsent(
            eq("admin"),
            eq("a-long-enough-secret"),
            anyString(),
            eq(null),
            eq(null),
            eq(java.util.Set.of("admins")));
  }
}
