package com.partnerflow.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerflow.identity.AppUser;
import com.partnerflow.identity.Users;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import com.partnerflow.processowner.internal.DeploymentRecord;
import com.partnerflow.processowner.internal.DeploymentRecords;
import com.partnerflow.processowner.internal.Finding;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Repository and migration behaviour that must hold on every database the service supports; run on
 * H2 (MySQL mode) by default and on a real MySQL-protocol server in the MySQL tier.
 */
abstract class RepositoryContract {

  static final Instant CREATED = Instant.parse("2026-11-22T10:00:00Z");

  @Autowired Flyway flyway;
  @Autowired Partners partners;
  @Autowired Users users;
  @Autowired DeploymentRecords deployments;

  @Test
  void everyMigrationApplies() {
    assertThat(flyway.info().all())
        .isNotEmpty()
        .allSatisfy(m -> assertThat(m.getState()).isEqualTo(MigrationState.SUCCESS));
  }

  @Test
  void partnerAndUserRoundTrip() {
    Partner partner =
        partners.saveAndFlush(
            new Partner("Initech", "initech.example", Tier.GOLD, Region.APAC, CREATED));
    users.saveAndFlush(
        new AppUser(
            "peter",
            "{noop}x",
            "Peter Gibbons",
            "peter@initech.example",
            partner.getId(),
            Set.of("a", "b"),
            CREATED));

    AppUser loaded = users.findByUsername("peter").orElseThrow();
    assertThat(loaded.getPartnerId()).isEqualTo(partner.getId());
    assertThat(loaded.getGroups()).containsExactlyInAnyOrder("a", "b");
    assertThat(partners.findByName("Initech").orElseThrow().getTier()).isEqualTo(Tier.GOLD);
  }

  @Test
  void usernamesAreUnique() {
    users.saveAndFlush(new AppUser("twin", "{noop}x", "Twin One", null, null, Set.of(), CREATED));

    assertThatThrownBy(
            () ->
                users.saveAndFlush(
                    new AppUser("twin", "{noop}y", "Twin Two", null, null, Set.of(), CREATED)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void userOfAnUnknownPartnerIsRefused() {
    assertThatThrownBy(
            () ->
                users.saveAndFlush(
                    new AppUser(
                        "ghost", "{noop}x", "Ghost", null, "no-such-partner", Set.of(), CREATED)))
        .isInstanceOf(DataIntegrityViolationException.class);
  }

  @Test
  void deploymentHistoryRoundTrip() {
    String content = "<bpmn:definitions>" + "x".repeat(200_000) + "</bpmn:definitions>";
    DeploymentRecord saved =
        deployments.saveAndFlush(
            new DeploymentRecord(
                DeploymentRecord.Outcome.DEPLOYED,
                2251799813685249L,
                "olivia",
                CREATED,
                List.of(new DeploymentRecord.File("p.bpmn", "ab".repeat(32), 200_037, content)),
                List.of(
                    new DeploymentRecord.Resource("process", "p", 3, 2251799813685250L, "p.bpmn")),
                List.of(Finding.warning("p.bpmn", "Task", "form-key", "é".repeat(5000)))));

    DeploymentRecord loaded = deployments.findById(saved.getId()).orElseThrow();
    assertThat(loaded.getFiles().getFirst().content()).isEqualTo(content);
    assertThat(loaded.getFindings().getFirst().message()).hasSize(4000).endsWith("...");
    assertThat(deployments.deployedVersions())
        .anySatisfy(
            v -> {
              assertThat(v.definitionId()).isEqualTo("p");
              assertThat(v.version()).isEqualTo(3);
              assertThat(v.deployedBy()).isEqualTo("olivia");
            });
  }
}
