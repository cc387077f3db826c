package com.partnerflow.partner;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A company in the program. */
@Entity
@Table(name = "partner")
public class Partner {

  @Id private String id;
  private String name;
  private String domain;

  @Enumerated(EnumType.STRING)
  private PartnerStatus status;

  @Enumerated(EnumType.STRING)
  private Tier tier;

  @Enumerated(EnumType.STRING)
  private Region region;

  private String partnerType;
  private String country;
  private String verticals;

  private Instant createdAt;
  @Version private long version;

  protected Partner() {}

  /**
   * @param createdAt when the partner joined, from the service's clock: risk scoring calls a
   *     partner "new" by it
   */
  public Partner(String name, String domain, Tier tier, Region region, Instant createdAt) {
    this.id = UUID.randomUUID().toString();
    this.name = name;
    this.domain = domain;
    this.status = PartnerStatus.ACTIVE;
    this.tier = tier;
    this.region = region;
    this.createdAt = createdAt;
  }

  /**
   * A partner activated from its application.
   *
   * @param verticals comma-separated target verticals
   */
  public Partner(
      String name,
      String domain,
      Tier tier,
      Region region,
      String partnerType,
      String country,
      String verticals,
      Instant createdAt) {
    this(name, domain, tier, region, createdAt);
    this.partnerType = partnerType;
    this.country = country;
    this.verticals = verticals;
  }

  public String getPartnerType() {
    return partnerType;
  }

  public String getCountry() {
    return country;
  }

  public String getVerticals() {
    return verticals;
  }

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getDomain() {
    return domain;
  }

  public PartnerStatus getStatus() {
    return status;
  }

  public Tier getTier() {
    return tier;
  }

  public Region getRegion() {
    return region;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
