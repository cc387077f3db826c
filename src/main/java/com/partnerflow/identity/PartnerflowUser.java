package com.partnerflow.identity;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in caller. A partner user has a {@code partnerId} and sees only that partner's data;
 * an internal user has none and is authorised by {@code groups}.
 */
public record PartnerflowUser(
    String username,
    String password,
    String displayName,
    String email,
    Set<String> groups,
    String partnerId,
    boolean enabled)
    implements UserDetails {

  public static final String ADMINS = "admins";

  /** Reads the service's metrics (e.g. a Prometheus scraper's account), nothing else. */
  public static final String MONITORING = "monitoring";

  /**
   * Partner users who administer their own organisation's account in the program, e.g. its bank
   * details. The partner admin created at activation is one; a partner may have several.
   */
  public static final String PARTNER_ADMINS = "partner-admins";

  public boolean isPartnerUser() {
    return partnerId != null;
  }

  /** A partner admin of their own partner organisation. */
  public boolean isPartnerAdmin() {
    return isPartnerUser() && groups.contains(PARTNER_ADMINS);
  }

  public boolean isAdmin() {
    return groups.contains(ADMINS);
  }

  public boolean inGroup(String group) {
    return groups.contains(group);
  }

  @Override
  public Collection<? extends GrantedAuthority> getAuthorities() {
    List<GrantedAuthority> authorities =
        new java.util.ArrayList<>(
            groups.stream().map(g -> new SimpleGrantedAuthority("GROUP_" + g)).toList());
    authorities.add(new SimpleGrantedAuthority(isPartnerUser() ? "ROLE_PARTNER" : "ROLE_INTERNAL"));
    return authorities;
  }

  @Override
  public String getPassword() {
    return password;
  }

  @Override
  public String getUsername() {
    return username;
  }

  @Override
  public boolean isEnabled() {
    return enabled;
  }

  @Override
  public String toString() {
    return "PartnerflowUser[" + username + "]";
  }
}
