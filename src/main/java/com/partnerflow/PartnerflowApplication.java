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
    application.run(args);
  }
}
