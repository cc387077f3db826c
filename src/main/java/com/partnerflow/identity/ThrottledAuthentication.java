package com.partnerflow.identity;

import java.util.Optional;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username and password sign-in (HTTP Basic and the form alike) behind the {@link SignInThrottle}:
 * while the username or the client address is locked, every attempt is refused with {@link
 * SignInThrottledException} before the password is checked, the right one included; a wrong
 * password, an unknown or a disabled user counts as a failure; a success forgets the username's
 * failures. The password check itself keeps {@code DaoAuthenticationProvider}'s equal time for
 * unknown users and wrong passwords.
 */
final class ThrottledAuthentication implements AuthenticationProvider {

  private final AuthenticationProvider passwords;
  private final SignInThrottle throttle;

  ThrottledAuthentication(AuthenticationProvider passwords, SignInThrottle throttle) {
    this.passwords = passwords;
    this.throttle = throttle;
  }

  @Override
  public Authentication authenticate(Authentication attempt) throws AuthenticationException {
    String username = attempt.getName() == null ? "" : attempt.getName();
    String address = clientAddress(attempt);
    Optional<java.time.Duration> wait = throttle.retryAfter(username, address);
    if (wait.isPresent()) {
      throw new SignInThrottledException(wait.get());
    }
    Authentication signedIn;
    try {
      signedIn = passwords.authenticate(attempt);
    } catch (BadCredentialsException | AccountStatusException e) {
      throttle.failed(username, address);
      throw e;
    }
    if (signedIn != null) {
      throttle.succeeded(username);
    }
    return signedIn;
  }

  /** The address the servlet container saw (behind a trusted proxy: its X-Forwarded-For). */
  private static String clientAddress(Authentication attempt) {
    return attempt.getDetails() instanceof WebAuthenticationDetails web
        ? web.getRemoteAddress()
        : null;
  }

  @Override
  public boolean supports(Class<?> authentication) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
  }
}
