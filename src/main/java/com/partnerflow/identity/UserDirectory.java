package com.partnerflow.identity;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a {@link PartnerflowUser} for authentication from the user table. */
@Service
class UserDirectory implements UserDetailsService {

  private final Users users;

  UserDirectory(Users users) {
    this.users = users;
  }

  @Override
  @Transactional(readOnly = true)
  public PartnerflowUser loadUserByUsername(String username) {
    return users
        .findByUsername(username)
        .map(
            u ->
                new PartnerflowUser(
                    u.getUsername(),
                    u.getPasswordHash(),
                    u.getDisplayName(),
                    u.getEmail(),
                    u.getGroups(),
                    u.getPartnerId(),
                    u.isEnabled()))
        .orElseThrow(() -> new UsernameNotFoundException(username));
  }
}
