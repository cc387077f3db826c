package com.partnerflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import com.partnerflow.task.TaskState;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Drives partner onboarding through its public API and the task inbox, as people would. */
class OnboardingDriver {

  private final TestRestTemplate http;
  private final InboxTasks tasks;
  private final PartnerApplications applications;
  private final ObjectMapper json = new ObjectMapper();

  OnboardingDriver(TestRestTemplate http, InboxTasks tasks, PartnerApplications applications) {
    this.http = http;
    this.tasks = tasks;
    this.applications = applications;
  }

  /** A fresh applicant: unique domain, contact on the same domain. */
  record Applicant(String companyName, String domain, String email) {
    static Applicant fresh() {
      String tag = UUID.randomUUID().toString().substring(0, 8);
      return new Applicant(
          "Initech " + tag, "initech-" + tag + ".example", "ann@initech-" + tag + ".example");
    }

    String body(String partnerType, long revenue, int staff) {
      return """
          {"companyName":"%s","website":"https://www.%s","country":"DE","region":"EMEA",
           "partnerType":"%s","verticals":["RETAIL","HEALTHCARE"],"expectedAnnualRevenue":%d,
           "certifiedStaff":%d,"contactName":"Ann Example","contactEmail":"%s","acceptTerms":true}
          """
          .formatted(companyName, domain, partnerType, revenue, staff, email);
    }
  }

  ResponseEntity<String> post(String user, String path, String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, "demo");
    return client.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  ResponseEntity<String> get(String user, String path) {
    TestRestTemplate client = user == null ? http : http.withBasicAuth(user, "demo");
    return client.getForEntity(path, String.class);
  }

  /** Submits the application; answers its id. */
  String apply(Applicant applicant, String partnerType, long revenue, int staff) {
    var response =
        post(null, "/api/partner-applications", applicant.body(partnerType, revenue, staff));
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode created = read(response.getBody());
    assertThat(created.get("status").asText()).isEqualTo("SUBMITTED");
    return created.get("id").asText();
  }

  long instanceOf(String applicationId) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> applications.findById(applicationId).orElseThrow().getProcessInstanceKey(),
            key -> key != null);
  }

  InboxTask awaitTask(long processInstanceKey, String elementId) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(processInstanceKey).stream()
                    .filter(t -> t.getElementId().equals(elementId))
                    .filter(t -> t.getState() == TaskState.OPEN)
                    .findFirst()
                    .orElse(null),
            t -> t != null);
  }

  void completeAs(String user, long taskId, String values) {
    var response = post(user, "/api/tasks/" + taskId + "/complete", values);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  JsonNode application(String id) {
    var response = get("carol", "/api/partner-applications/" + id);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return read(response.getBody());
  }

  void awaitStatus(String id, String status) {
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(() -> assertThat(application(id).get("status").asText()).isEqualTo(status));
  }

  /**
   * The token of the newest mailed link under {@code path} to the recipient whose subject matches.
   */
  String tokenFromMail(String recipient, String subjectPart, String path) {
    Pattern link = Pattern.compile(Pattern.quote(path) + "([A-Za-z0-9_-]{20,})");
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () -> {
              for (JsonNode mail : read(get("admin", "/api/dev/mailbox").getBody())) {
                boolean toRecipient = mail.get("to").toString().contains(recipient);
                if (toRecipient && mail.get("subject").asText().contains(subjectPart)) {
                  Matcher m = link.matcher(mail.get("text").asText());
                  if (m.find()) {
                    return m.group(1);
                  }
                }
              }
              return null;
            },
            t -> t != null);
  }

  boolean mailed(String recipient, String subjectPart) {
    return mailCount(recipient, subjectPart) > 0;
  }

  /** How many mails the embedded SMTP server received for the recipient with such a subject. */
  int mailCount(String recipient, String subjectPart) {
    int count = 0;
    for (JsonNode mail : read(get("admin", "/api/dev/mailbox").getBody())) {
      if (mail.get("to").toString().contains(recipient)
          && mail.get("subject").asText().contains(subjectPart)) {
        count++;
      }
    }
    return count;
  }

  JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(body, e);
    }
  }

  static String reviewDecision(String decision, String tier, String reason) {
    return tier == null
        ? "{\"decision\":\"%s\",\"reason\":\"%s\"}".formatted(decision, reason)
        : "{\"decision\":\"%s\",\"tier\":\"%s\",\"reason\":\"%s\"}"
            .formatted(decision, tier, reason);
  }

  static Map<String, Object> none() {
    return Map.of();
  }
}
