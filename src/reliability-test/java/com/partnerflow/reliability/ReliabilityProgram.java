package com.partnerflow.reliability;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The partner program a scenario works in, written straight into the run's database once the
 * instances have migrated it (the cluster profile has no demo data and no API that creates users or
 * budgets): partners of a year's standing with bank details set a year ago and a budget in the
 * current fund period (a year, see {@link ReliabilityStack}), one partner user each, and the
 * approvers. Passwords are BCrypt hashes of cost 4, so that thousands of HTTP Basic calls cost the
 * two cores little; the service checks any cost.
 */
record ReliabilityProgram(List<Partner> partners, String period, BigDecimal budget) {

  static final String PASSWORD = "reliability-tier-password";
  static final String CHANNEL_MANAGERS = "channel-managers";
  static final String MARKETING_OPS = "marketing-ops";
  static final String FINANCE = "finance";

  /** The approvers: two per group, so that two people (and two instances) race for each task. */
  static final List<String> CHANNEL_MANAGER_USERS = List.of("rel-cm-1", "rel-cm-2");

  static final List<String> MARKETING_OPS_USERS = List.of("rel-mo-1", "rel-mo-2");
  static final List<String> FINANCE_USERS = List.of("rel-fin-1", "rel-fin-2");

  /** A partner with its one user, who gets the partner's mail. */
  record Partner(String id, String name, String user, String email) {}

  static ReliabilityProgram seed(ReliabilityDatabase database, int partners, BigDecimal budget) {
    Instant now = Instant.now();
    Instant yearAgo = now.minus(365, ChronoUnit.DAYS);
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String period = Integer.toString(today.getYear());
    String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
    List<Partner> created = new ArrayList<>();
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      for (int i = 1; i <= partners; i++) {
        String key = "relp%02d".formatted(i);
        var partner =
            new Partner(
                UUID.randomUUID().toString(),
                "Reliability Partner " + key,
                key,
                key + "@" + key + ".example");
        update(
            c,
            "INSERT INTO partner (id, name, domain, status, tier, region, created_at, version)"
                + " VALUES (?, ?, ?, 'ACTIVE', 'GOLD', 'EMEA', ?, 0)",
            partner.id(),
            partner.name(),
            key + ".example",
            Timestamp.from(yearAgo));
        user(c, partner.user(), hash, partner.email(), partner.id(), Set.of());
        update(
            c,
            "INSERT INTO partner_bank_account (partner_id, holder_name, iban, bic, country,"
                + " changed_at, changed_by, version) VALUES (?, ?, 'DE89370400440532013000',"
                + " 'COBADEFFXXX', 'DE', ?, 'reliability', 0)",
            partner.id(),
            partner.name(),
            Timestamp.from(yearAgo));
        String budgetId = UUID.randomUUID().toString();
        update(
            c,
            "INSERT INTO fund_budget (id, partner_id, period, currency, starts_on, ends_on, status,"
                + " allocated, reserved, paid, created_at, version)"
                + " VALUES (?, ?, ?, 'EUR', ?, ?, 'OPEN', ?, 0, 0, ?, 0)",
            budgetId,
            partner.id(),
            period,
            java.sql.Date.valueOf(today.withDayOfYear(1)),
            java.sql.Date.valueOf(today.withDayOfYear(today.lengthOfYear())),
            budget,
            Timestamp.from(now));
        update(
            c,
            "INSERT INTO fund_ledger_entry (budget_id, entry_type, amount, currency, reference,"
                + " idempotency_key, actor, reason, created_at)"
                + " VALUES (?, 'ALLOCATE', ?, 'EUR', NULL, ?, 'reliability', 'tier budget', ?)",
            budgetId,
            budget,
            "reliability-allocation:" + partner.id(),
            Timestamp.from(now));
        created.add(partner);
      }
      for (String u : CHANNEL_MANAGER_USERS) {
        user(c, u, hash, u + "@partnerflow.example", null, Set.of(CHANNEL_MANAGERS));
      }
      for (String u : MARKETING_OPS_USERS) {
        user(c, u, hash, u + "@partnerflow.example", null, Set.of(MARKETING_OPS));
      }
      for (String u : FINANCE_USERS) {
        user(c, u, hash, u + "@partnerflow.example", null, Set.of(FINANCE));
      }
      c.commit();
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot seed the program: " + e.getMessage(), e);
    }
    return new ReliabilityProgram(List.copyOf(created), period, budget);
  }

  private static void user(
      Connection c,
      String username,
      String hash,
      String email,
      String partnerId,
      Set<String> groups)
      throws SQLException {
    update(
        c,
        "INSERT INTO app_user (username, password_hash, display_name, email, partner_id, enabled,"
            + " created_at) VALUES (?, ?, ?, ?, ?, TRUE, ?)",
        username,
        hash,
        "Reliability " + username,
        email,
        partnerId,
        Timestamp.from(Instant.now()));
    for (String group : groups) {
      update(
          c,
          "INSERT INTO app_user_group (user_id, group_name)"
              + " SELECT id, ? FROM app_user WHERE username = ?",
          group,
          username);
    }
  }

  private static void update(Connection c, String sql, Object... values) throws SQLException {
    try (PreparedStatement statement = c.prepareStatement(sql)) {
      for (int i = 0; i < values.length; i++) {
        statement.setObject(i + 1, values[i]);
      }
      statement.executeUpdate();
    }
  }
}
