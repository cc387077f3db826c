package com.partnerflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service in its embedded mode on free ports: real engine, H2, SMTP and HTTP. All tests
 * with this annotation share one application context (and so one engine and one clock: read and
 * move time through {@link BusinessTime}).
 *
 * <p>As in the cluster profile, the service trusts {@code X-Forwarded-For} from the local proxy
 * (the tests), so a test can sign in "from" another client address; sign-in locks last a minute
 * (instead of starting at 5 s) so a slow machine cannot outrun them, and ten failures from one
 * client address lock it. Tests that send wrong passwords use usernames and addresses of their own,
 * never a demo user from {@code 127.0.0.1} more than once ({@code SignInThrottleIT}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "partnerflow.engine.job-retry.initial-backoff=PT0.2S",
      "partnerflow.engine.job-retry.max-backoff=PT1S",
      // Every worker's @WorkerVariables is proven by the process tests (WorkerVariablesGuard).
      "partnerflow.engine.worker-variables.undeclared=fail",
      "server.forward-headers-strategy=native",
      "partnerflow.identity.sign-in-throttle.base-delay=PT1M",
      "partnerflow.identity.sign-in-throttle.address-failures=10"
    })
@ContextConfiguration(initializers = FreePortsInitializer.class)
@Import({TestWorkers.class, BusinessTime.class})
public @interface PartnerflowIntegrationTest {}
