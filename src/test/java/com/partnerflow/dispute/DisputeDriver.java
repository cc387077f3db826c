package com.partnerflow.dispute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.disbursement.DisbursementDriver;
import com.partnerflow.disbursement.DisbursementDriver.TestPartner;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import com.partnerflow.task.TaskState;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Prepares disputable decisions through the public API (a request rejected by carol, a claim
 * rejected or partially approved by frank) and drives disputes through {@code /api/disputes} and
 * the task inbox. paula (partner-managers) took part in no decision; carol (channel-managers and
 * partner-managers) rejects the requests, so she is excluded from their disputes.
 */
class DisputeDriver {

  final DisbursementDriver disbursement;
  final InboxTasks tasks;

  DisputeDriver(DisbursementDriver disbursement, InboxTasks tasks) {
    this.disbursement = disbursement;
    this.tasks = tasks;
  }

  /** A request rejected by carol (channel-managers); the amount routes it to her level only. */
  String rejectedRequest(TestPartner partner, String requested) {
    return decidedRequest(
        partner,
        "Disputed ",
        requested,
        "{\"decision\":\"REJECT\",\"reason\":\"Not in this quarter's plan\"}",
        "REJECTED");
  }

  /** A request approved by carol (channel-managers) for less than requested, in disbursement. */
  String reducedRequest(TestPartner partner, String requested, String approved) {
    return decidedRequest(
        partner,
        "Reduced ",
        requested,
        "{\"decision\":\"APPROVE_REDUCED\",\"approvedAmount\":%s,\"reason\":\"Fewer channels\"}"
            .formatted(approved),
        "IN_DISBURSEMENT");
  }

  /** A request carol decides with {@code decision}, once it reached {@code status}. */
  private String decidedRequest(
      TestPartner partner, String title, String requested, String decision, String status) {
    String requestId = disbursement.submit(partner, title + partner.user(), requested);
    InboxTask review =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    disbursement.openTasks(requestId, "ReviewMdfRequestTask").stream().findFirst(),
                t -> t.isPresent())
            .orElseThrow();
    disbursement.complete("carol", review, decision);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> disbursement.request("erin", requestId).get("status").asText(), status::equals);
    return requestId;
  }

  record DecidedClaim(String requestId, String milestoneId, String claimId) {}

  /** A claim of 450.15 on the first milestone of an auto-approved request, decided by frank. */
  DecidedClaim decidedClaim(TestPartner partner, String verification, String milestoneStatus) {
    return decidedClaim(partner, "frank", verification, milestoneStatus);
  }

  /** A claim of 450.15 on the first milestone of an auto-approved request, decided by verifier. */
  DecidedClaim decidedClaim(
      TestPartner partner, String verifier, String verification, String milestoneStatus) {
    String requestId = disbursement.submit(partner, "Claimed " + partner.user(), "1500.50");
    disbursement.approveAll(requestId);
    String m1 = disbursement.milestoneIds(requestId).get(0);
    disbursement.awaitMilestone(requestId, m1, "CLAIMABLE");
    String claimId =
        disbursement.claimMilestone(
            partner, m1, "450.15", "INV-" + UUID.randomUUID().toString().substring(0, 8));
    disbursement.awaitMilestone(requestId, m1, "CLAIMED");
    disbursement.verify(m1, verifier, verification);
    disbursement.awaitMilestone(requestId, m1, milestoneStatus);
    return new DecidedClaim(requestId, m1, claimId);
  }

  DecidedClaim rejectedClaim(TestPartner partner) {
    return decidedClaim(
        partner, "{\"decision\":\"REJECT\",\"reason\":\"Invoice unreadable\"}", "REJECTED");
  }

  /** A user of their own, in {@code groups}, with the demo password. */
  static String newUser(UserAccounts accounts, String prefix, String... groups) {
    String name = prefix + UUID.randomUUID().toString().substring(0, 8);
    accounts.createIfAbsent(name, "demo", "User " + name, null, null, Set.of(groups));
    return name;
  }

  /**
   * Separation of duties on {@code task}: {@code user} does not find it in their list, and gets 403
   * claiming it or completing it with {@code json}; the task stays open and unassigned.
   */
  void assertExcluded(String user, InboxTask task, String json) {
    JsonNode page =
        DisbursementDriver.read(disbursement.get(user, "/api/tasks?size=200").getBody());
    assertThat(page.get("items").findValues("id"))
        .as(task.getElementId() + " listed for " + user)
        .noneMatch(id -> id.asLong() == task.getId());
    assertThat(disbursement.post(user, "/api/tasks/" + task.getId() + "/claim", "").getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(disbursement.tryComplete(user, task, json).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    InboxTask unchanged = tasks.findById(task.getId()).orElseThrow();
    assertThat(unchanged.getState()).isEqualTo(TaskState.OPEN);
    assertThat(unchanged.getAssignee()).isNull();
  }

  ResponseEntity<String> tryOpen(
      String user, String type, String subjectId, String amount, String category) {
    return disbursement.post(
        user,
        "/api/disputes",
        """
        {"subjectType":"%s","subjectId":"%s","disputedAmount":%s,"category":"%s",
         "explanation":"We disagree: see the evidence"}"""
            .formatted(type, subjectId, amount, category));
  }

  String open(String user, String type, String subjectId, String amount, String category) {
    var response = tryOpen(user, type, subjectId, amount, category);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    JsonNode body = DisbursementDriver.read(response.getBody());
    assertThat(body.get("status").asText()).isEqualTo("OPEN");
    return body.get("id").asText();
  }

  JsonNode dispute(String user, String disputeId) {
    var response = disbursement.get(user, "/api/disputes/" + disputeId);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.OK);
    return DisbursementDriver.read(response.getBody());
  }

  JsonNode awaitStatus(String disputeId, String status) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> dispute("paula", disputeId), d -> d.get("status").asText().equals(status));
  }

  /** The open task of the element for the dispute. */
  InboxTask awaitTask(String disputeId, String elementId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                tasks.findAll().stream()
                    .filter(t -> t.getState() == TaskState.OPEN)
                    .filter(t -> t.getElementId().equals(elementId))
                    .filter(t -> t.getContextJson().contains("\"" + disputeId + "\""))
                    .findFirst()
                    .orElse(null),
            t -> t != null);
  }

  void review(String user, String disputeId, String elementId, String json) {
    disbursement.complete(user, awaitTask(disputeId, elementId), json);
  }

  /** The payments whose idempotency key is the dispute's. */
  JsonNode awaitCorrectivePayment(String disputeId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              for (JsonNode p :
                  DisbursementDriver.read(disbursement.get("erin", "/api/payments").getBody())
                      .get("items")) {
                if (p.get("idempotencyKey").asText().equals("dispute:" + disputeId)) {
                  return p;
                }
              }
              return null;
            },
            p -> p != null);
  }
}
