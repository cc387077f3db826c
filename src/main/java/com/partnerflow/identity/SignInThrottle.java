package com.partnerflow.identity;

import com.partnerflow.identity.SignInCounter.Key;
import com.partnerflow.identity.SignInEvent.Action;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-ins per username and per client address in the database, so that every
 * instance sees the same counts, and says how long a sign-in must wait while either is locked.
 * Unknown usernames are counted like known ones: the answers never tell whether a user exists.
 * Every failure and every lock goes into the sign-in audit trail ({@code sign_in_event}).
 */
@Service
class SignInThrottle {

  private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

  private final SignInCounters counters;
  private final SignInEvents events;
  private final SignInThrottleProperties settings;
  private final SignInBackoff backoff;
  private final Clock clock;

  SignInThrottle(
      SignInCounters counters,
      SignInEvents events,
      SignInThrottleProperties settings,
      Clock clock) {
    this.counters = counters;
    this.events = events;
    this.settings = settings;
    this.backoff = new SignInBackoff(settings, clock);
    this.clock = clock;
  }

  /**
   * How long a sign-in of this username from this address must still wait: the longer of the two
   * locks, in whole seconds; empty when neither is locked.
   *
   * @param address the client address, null when unknown (then only the username counts)
   */
  @Transactional(readOnly = true)
  public Optional<Duration> retryAfter(String username, String address) {
    return Stream.of(Key.account(username), address == null ? null : Key.address(address))
        .filter(java.util.Objects::nonNull)
        .map(counters::findById)
        .flatMap(Optional::stream)
        .map(c -> backoff.remaining(c.getLockedUntil()))
        .flatMap(Optional::stream)
        .max(Duration::compareTo);
  }

  /**
   * Counts a failed sign-in against the username and the address (each under a row lock, so
   * concurrent failures on several instances all count), locks what reached its threshold, and
   * records the failure and any lock.
   */
  @Transactional
  public void failed(String username, String address) {
    events.save(new SignInEvent(Action.FAILED, username, address, null, null, clock.instant()));
    // Always the account before the address: one order of row locks, no deadlock.
    count(Key.account(username), settings.accountFailures(), username, address);
    if (address != null) {
      count(Key.address(address), settings.addressFailures(), username, address);
    }
  }

  private void count(Key key, int threshold, String username, String address) {
    counters.createIfAbsent(key.kind().name(), key.subject());
    SignInCounter counter = counters.lock(key).orElseThrow();
    SignInBackoff.Failure failure =
        backoff.failure(counter.getFailures(), counter.getLastFailureAt(), threshold);
    counter.record(failure);
    if (failure.locks()) {
      Duration lock = Duration.between(failure.at(), failure.lockedUntil());
      String what = key.kind() == SignInCounter.Kind.ACCOUNT ? "username" : "client address";
      String detail =
          what + " locked for " + lock + " after " + failure.failures() + " failed sign-ins";
      events.save(new SignInEvent(Action.LOCKED, username, address, null, detail, failure.at()));
      log.warn("Sign-in {} ({} {})", detail, what, key.subject());
    }
  }

  /** A successful sign-in forgets the username's failures; the address keeps its count. */
  @Transactional
  public void succeeded(String username) {
    Key key = Key.account(username);
    if (counters.findById(key).filter(c -> c.getFailures() > 0).isPresent()) {
      counters.lock(key).ifPresent(SignInCounter::reset);
    }
  }

  /**
   * An admin lifts the lock of a username or a client address and forgets its failures; recorded in
   * the audit trail with the admin's name.
   *
   * @return whether the username or address was locked at that moment
   */
  @Transactional
  public boolean unlock(String username, String address, String admin) {
    boolean locked = false;
    if (username != null) {
      locked |= reset(Key.account(username));
    }
    if (address != null) {
      locked |= reset(Key.address(address));
    }
    events.save(
        new SignInEvent(
            Action.UNLOCKED,
            username,
            address,
            admin,
            locked ? "was locked" : "was not locked",
            clock.instant()));
    log.info("Sign-in unlocked by {}: username {}, client address {}", admin, username, address);
    return locked;
  }

  private boolean reset(Key key) {
    return counters
        .lock(key)
        .map(
            c -> {
              boolean locked = backoff.remaining(c.getLockedUntil()).isPresent();
              c.reset();
              return locked;
            })
        .orElse(false);
  }

  /** Forgets counters whose failures are older than the window and whose lock has ended. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1H")
  public void deleteExpired() {
    Instant now = clock.instant();
    counters.deleteExpired(now.minus(settings.window()), now);
  }
}
