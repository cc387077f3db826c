package com.partnerflow.identity;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in throttling: after {@code accountFailures} failed sign-ins of one username, or {@code
 * addressFailures} from one client address, every further attempt is refused for {@code baseDelay},
 * doubling with each further failure up to {@code maxDelay}.
 *
 * @param accountFailures failures of one username (known or not) before the back-off starts
 * @param addressFailures failures from one client address before the back-off starts; higher than
 *     {@code accountFailures} because many people may sign in through one address (an office NAT)
 * @param baseDelay the first lock
 * @param maxDelay the longest lock; the back-off stops doubling here
 * @param window a failure more than this after the previous one starts counting from one again; at
 *     least {@code maxDelay}, so that the longest lock does not forget the failures before it
 */
@ConfigurationProperties("partnerflow.identity.sign-in-throttle")
public record SignInThrottleProperties(
    @DefaultValue("5") int accountFailures,
    @DefaultValue("50") int addressFailures,
    @DefaultValue("PT5S") Duration baseDelay,
    @DefaultValue("PT15M") Duration maxDelay,
    @DefaultValue("PT1H") Duration window) {

  public SignInThrottleProperties {
    if (accountFailures < 1 || addressFailures < 1) {
      throw new IllegalArgumentException(
          "partnerflow.identity.sign-in-throttle.account-failures and address-failures must be at"
              + " least 1");
    }
    if (!baseDelay.isPositive() || maxDelay.compareTo(baseDelay) < 0) {
      throw new IllegalArgumentException(
          "partnerflow.identity.sign-in-throttle.base-delay must be positive and max-delay at"
              + " least base-delay");
    }
    if (window.compareTo(maxDelay) < 0) {
      throw new IllegalArgumentException(
          "partnerflow.identity.sign-in-throttle.window must be at least max-delay");
    }
  }
}
