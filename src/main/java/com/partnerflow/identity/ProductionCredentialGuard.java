package com.partnerflow.identity;

import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Outside the embedded demo mode the service refuses to start while demo data is switched on or a
 * demo account still signs in with the demo password, and creates the bootstrap admin if asked.
 */
@Component
@Profile("!embedded")
class ProductionCredentialGuard implements SmartInitializingSingleton {

  static final String DEMO_PASSWORD = "demo";
  static final List<String> DEMO_USERS =
      List.of("alice", "bob", "carol", "dave", "erin", "frank", "grace", "olivia", "admin");
  private static final Logger log = LoggerFactory.getLogger(ProductionCredentialGuard.class);

  private final UserAccounts accounts;
  private final IdentityProperties properties;
  private final Environment environment;

  ProductionCredentialGuard(
      UserAccounts accounts, IdentityProperties properties, Environment environment) {
    this.accounts = accounts;
    this.properties = properties;
    this.environment = environment;
  }

  @Override
  public void afterSingletonsInstantiated() {
    if (environment.getProperty("partnerflow.demo.enabled", Boolean.class, false)) {
      throw new IllegalStateException(
          "partnerflow.demo.enabled=true is only allowed in the embedded profile: demo users"
              + " with the password 'demo' must never reach a real installation.");
    }
    List<String> exposed =
        DEMO_USERS.stream().filter(u -> accounts.hasPassword(u, DEMO_PASSWORD)).toList();
    if (!exposed.isEmpty()) {
      throw new IllegalStateException(
          "Refusing to start: accounts " + exposed + " sign in with the demo password.");
    }
    createBootstrapAdmin();
  }

  private void createBootstrapAdmin() {
    String password = properties.bootstrapAdminPassword();
    if (password == null || password.isBlank()) {
      return;
    }
    if (password.length() < 12) {
      throw new IllegalStateException(
          "partnerflow.identity.bootstrap-admin-password must have at least 12 characters");
    }
    if (accounts.createIfAbsent(
        "admin", password, "Administrator", null, null, Set.of(PartnerflowUser.ADMINS))) {
      log.info("Created the bootstrap user 'admin'");
    }
  }
}
