package com.partnerflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Partnerflow: partner onboarding, MDF requests, disbursements and disputes on Camunda 8. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PartnerflowApplication {

  public static void main(String[] args) {
    var application = new SpringApplication(PartnerflowApplication.class);
    // Keeps the startup steps for /actuator/startup (admins), to see where start time goes.
    application.setApplicationStartup(new BufferingApplicationStartup(4096));
    try {
      application.run(args);
    } catch (RuntimeException startupFailed) {
      // Spring Boot has reported the failure and closed the context. The embedded engine's
      // library keeps a static non-daemon timer thread (ZPT's EngineStateMonitor) that would keep
      // a failed JVM alive forever instead of ending it with an error status.
      System.exit(1);
    }
  }
}
