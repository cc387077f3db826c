package com.partnerflow;

import java.util.HashMap;
import java.util.Map;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * A Spring environment whose process environment is the given map only, so tests that bind a
 * profile's files against environment variables (as in production) cannot pick up the machine's own
 * variables.
 */
public final class ProcessEnvironment {

  private ProcessEnvironment() {}

  public static StandardEnvironment withOnly(Map<String, Object> variables) {
    StandardEnvironment environment = new StandardEnvironment();
    environment
        .getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new HashMap<>(variables)));
    return environment;
  }
}
