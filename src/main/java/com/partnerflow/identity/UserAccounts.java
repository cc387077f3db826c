package com.partnerflow.identity;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates sign-in accounts; passwords are stored only as hashes. */
@Service
public class UserAccounts {

  private final Users users;
  private final PasswordEncoder passwordEncoder;
  private final Clock clock;

  UserAccounts(Users users, PasswordEncoder passwordEncoder, Clock clock) {
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.clock = clock;
  }

  /** Creates the account unless the username exists; answers whether it created one. */
  @Transactional
  public boolean createIfAbsent(
      String username,
      String rawPassword,
      String displayName,
      String email,
      String partnerId,
      Set<String> groups) {
    if (users.existsByUsername(username)) {
      return false;
    }
    users.save(
        new AppUser(
            username,
            passwordEncoder.encode(rawPassword),
            displayName,
            email,
            partnerId,
            groups,
            clock.instant()));
    return true;
  }

  /** An account to create with {@link #createAllIfAbsent}. */
  public record NewAccount(
      String username, String displayName, String email, String partnerId, Set<String> groups) {}

  /**
   * Creates the accounts that do not exist yet, all with the same password, hashed once (hashing is
   * deliberately slow); answers how many it created.
   */
  @Transactional
  public int createAllIfAbsent(List<NewAccount> accounts, String rawPassword) {
    String hash = null;
    int created = 0;
    for (NewAccount account : accounts) {
      if (users.existsByUsername(account.username())) {
        continue;
      }
      hash = hash != null ? hash : passwordEncoder.encode(rawPassword);
      users.save(
          new AppUser(
              account.username(),
              hash,
              account.displayName(),
              account.email(),
              account.partnerId(),
              account.groups(),
              clock.instant()));
      created++;
    }
    return created;
  }

  /**
   * Sets a new password (stored as a hash) for an existing user, e.g. from an invitation link.
   *
   * @return false when there is no such user
   */
  @Transactional
  public boolean changePassword(String username, String rawPassword) {
    return users
        .findByUsername(username)
        .map(
            user -> {
              user.changePasswordHash(passwordEncoder.encode(rawPassword));
              return true;
            })
        .orElse(false);
  }

  /** Whether the user exists, is enabled and has this password. */
  @Transactional(readOnly = true)
  public boolean hasPassword(String username, String rawPassword) {
    return users
        .findByUsername(username)
        .filter(AppUser::isEnabled)
        .map(u -> passwordEncoder.matches(rawPassword, u.getPasswordHash()))
        .orElse(false);
  }
}
