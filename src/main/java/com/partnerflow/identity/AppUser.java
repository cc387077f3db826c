package com.partnerflow.identity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A person who signs in: an internal user (groups) or a partner user (one partner). */
@Entity
@Table(name = "app_user")
public class AppUser {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private String username;
  private String passwordHash;
  private String displayName;
  private String email;
  private String partnerId;
  private boolean enabled;
  private Instant createdAt;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "app_user_group", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "group_name")
  private Set<String> groups = new LinkedHashSet<>();

  protected AppUser() {}

  public AppUser(
      String username,
      String passwordHash,
      String displayName,
      String email,
      String partnerId,
      Set<String> groups,
      Instant createdAt) {
    this.username = username;
    this.passwordHash = passwordHash;
    this.displayName = displayName;
    this.email = email;
    this.partnerId = partnerId;
    this.groups = new LinkedHashSet<>(groups);
    this.enabled = true;
    this.createdAt = createdAt;
  }

  void changePasswordHash(String passwordHash) {
    this.passwordHash = passwordHash;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getPasswordHash() {
    return passwordHash;
  }

  public String getDisplayName() {
    return displayName;
  }

  public String getEmail() {
    return email;
  }

  public String getPartnerId() {
    return partnerId;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public Set<String> getGroups() {
    return Set.copyOf(groups);
  }
}
