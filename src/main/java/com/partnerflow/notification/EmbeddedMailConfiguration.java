package com.partnerflow.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The in-process SMTP server of the embedded mode; Spring Mail sends to it like to any SMTP. */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
class EmbeddedMailConfiguration {

  @Bean
  EmbeddedMailServer embeddedMailServer(@Value("${spring.mail.port}") int port) {
    return new EmbeddedMailServer(port);
  }
}
