package com.partnerflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Partnerflow: partner onboarding, MDF requests, disbursements and disputes on Camunda 8. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class PartnerflowApplication {

  public static void main(String[] args) {
    SpringApplication.run(PartnerflowApplication.class, args);
  }
}
