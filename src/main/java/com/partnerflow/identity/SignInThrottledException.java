package com.partnerflow.identity;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/**
 * A sign-in refused without looking at the password, because the username or the client address is
 * locked after too many failures. Says the same for known and unknown usernames.
 */
class SignInThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  SignInThrottledException(Duration retryAfter) {
    super("Too many failed sign-ins; try again in " + retryAfter.toSeconds() + " s");
    this.retryAfter = retryAfter;
  }

  /** How long to wait, in whole seconds. */
  Duration retryAfter() {
    return retryAfter;
  }
}
