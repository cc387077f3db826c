package com.partnerflow.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.ProcessEnvironment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementServerProperties;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * Where each profile serves the actuator, bound from the profiles' files as in production: the
 * cluster profile on a management port of its own ({@code PARTNERFLOW_MANAGEMENT_PORT}, 8081 unless
 * set), the embedded mode on the public port. {@code ManagementPortIT} proves what a separate port
 * then serves, and to whom.
 */
class ManagementPortProfileTest {

  @Test
  void clusterProfileServesTheActuatorOnPort8081ByDefault() {
    assertThat(managementPort("cluster", Map.of())).isEqualTo(8081);
  }

  @Test
  void clusterProfileTakesTheManagementPortFromTheEnvironment() {
    assertThat(managementPort("cluster", Map.of("PARTNERFLOW_MANAGEMENT_PORT", "9464")))
        .isEqualTo(9464);
  }

  @Test
  void embeddedModeKeepsTheActuatorOnThePublicPort() {
    assertThat(managementPort("embedded", Map.of())).isNull();
  }

  /**
   * The management port the given profile binds; the map stands in for the process environment, so
   * the machine's own variables cannot leak in.
   */
  private static Integer managementPort(String profile, Map<String, Object> env) {
    try (var context =
        new SpringApplicationBuilder(ManagementServerOnly.class)
            .environment(ProcessEnvironment.withOnly(env))
            .profiles(profile)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .run()) {
      return context.getBean(ManagementServerProperties.class).getPort();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ManagementServerProperties.class)
  static class ManagementServerOnly {}
}
