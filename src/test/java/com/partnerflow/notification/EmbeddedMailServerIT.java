package com.partnerflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Mail really goes over SMTP to the embedded server and can be read back by an admin. */
@PartnerflowIntegrationTest
class EmbeddedMailServerIT {

  @Autowired JavaMailSender mailSender;
  @Autowired TestRestTemplate http;

  @Test
  void sentMailCanBeReadBackFromTheMailbox() {
    var mail = new SimpleMailMessage();
    mail.setFrom("program@partnerflow.example");
    mail.setTo("alice@acme.example");
    mail.setSubject("Mailbox round trip");
    mail.setText("Hello <b>Alice</b>");
    mailSender.send(mail);

    var body = http.withBasicAuth("admin", "demo").getForObject("/api/dev/mailbox", String.class);

    assertThat(body)
        .contains("Mailbox round trip")
        .contains("alice@acme.example")
        .contains("Hello <b>Alice</b>");
  }

  @Test
  void mailboxIsForAdminsOnly() {
    var response =
        http.withBasicAuth("alice", "demo").getForEntity("/api/dev/mailbox", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
  }
}
