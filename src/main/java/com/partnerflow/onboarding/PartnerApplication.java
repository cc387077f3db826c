package com.partnerflow.onboarding;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A company's request to join the program; becomes a partner on activation. */
@Entity
@Table(name = "partner_application")
public class PartnerApplication {

  private static final SecureRandom RANDOM = new SecureRandom();

  @Id private String id;
  private String companyName;
  private String website;
  private String domain;
  private String openDomain;
  private String country;
  private String region;
  private String partnerType;
  private String verticals;
  private BigDecimal expectedAnnualRevenue;
  private int certifiedStaff;
  private String contactName;
  private String contactEmail;

  @Enumerated(EnumType.STRING)
  private ApplicationStatus status;

  private String screeningOutcome;
  private String screeningReasons;
  private String proposedTier;
  private String tier;
  private String partnerId;
  private Long processInstanceKey;
  private String agreementVersion;
  private Instant agreementAcceptedAt;
  private String agreementAcceptedBy;
  private Instant createdAt;

  /**
   * Names the applicant's status page ({@code /application-status/<token>}): 256 random bits, kept
   * as is because every applicant mail repeats the link; the page only reads.
   */
  private String statusToken;

  @Version private long version;

  protected PartnerApplication() {}

  PartnerApplication(ValidApplication a, Instant now) {
    this.id = UUID.randomUUID().toString();
    this.companyName = a.companyName();
    this.website = a.website();
    this.domain = a.domain();
    this.openDomain = a.domain();
    this.country = a.country();
    this.region = a.region();
    this.partnerType = a.partnerType();
    this.verticals = String.join(",", a.verticals());
    this.expectedAnnualRevenue = a.expectedAnnualRevenue();
    this.certifiedStaff = a.certifiedStaff();
    this.contactName = a.contactName();
    this.contactEmail = a.contactEmail();
    this.status = ApplicationStatus.SUBMITTED;
    this.createdAt = now;
    this.statusToken = newStatusToken();
  }

  /** The token of the status page; applications older than the page get one now. */
  String statusToken() {
    if (statusToken == null) {
      statusToken = newStatusToken();
    }
    return statusToken;
  }

  private static String newStatusToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  void moveTo(ApplicationStatus next) {
    this.status = next;
    if (next.isClosed()) {
      this.openDomain = null;
    }
  }

  void screened(String outcome, String reasons) {
    this.screeningOutcome = outcome;
    this.screeningReasons = reasons;
  }

  void proposeTier(String proposedTier) {
    this.proposedTier = proposedTier;
  }

  void decideTier(String tier) {
    this.tier = tier;
  }

  void startedAs(long processInstanceKey) {
    this.processInstanceKey = processInstanceKey;
  }

  void acceptAgreement(String version, String acceptedBy, Instant at) {
    this.agreementVersion = version;
    this.agreementAcceptedBy = acceptedBy;
    this.agreementAcceptedAt = at;
  }

  void activatedAs(String partnerId) {
    this.partnerId = partnerId;
  }

  public String getId() {
    return id;
  }

  public String getCompanyName() {
    return companyName;
  }

  public String getWebsite() {
    return website;
  }

  public String getDomain() {
    return domain;
  }

  public String getCountry() {
    return country;
  }

  public String getRegion() {
    return region;
  }

  public String getPartnerType() {
    return partnerType;
  }

  public List<String> getVerticals() {
    return verticals.isEmpty() ? List.of() : Arrays.asList(verticals.split(","));
  }

  public BigDecimal getExpectedAnnualRevenue() {
    return expectedAnnualRevenue;
  }

  public int getCertifiedStaff() {
    return certifiedStaff;
  }

  public String getContactName() {
    return contactName;
  }

  public String getContactEmail() {
    return contactEmail;
  }

  public ApplicationStatus getStatus() {
    return status;
  }

  public String getScreeningOutcome() {
    return screeningOutcome;
  }

  public String getScreeningReasons() {
    return screeningReasons;
  }

  public String getProposedTier() {
    return proposedTier;
  }

  public String getTier() {
    return tier;
  }

  public String getPartnerId() {
    return partnerId;
  }

  public Long getProcessInstanceKey() {
    return processInstanceKey;
  }

  public String getAgreementVersion() {
    return agreementVersion;
  }

  public Instant getAgreementAcceptedAt() {
    return agreementAcceptedAt;
  }

  public String getAgreementAcceptedBy() {
    return agreementAcceptedBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
