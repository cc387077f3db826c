package com.partnerflow.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.BusinessTime;
import com.partnerflow.fund.FundBalance;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundMovement;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.fund.LedgerEntryType;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.mdf.MdfDisbursements;
import com.partnerflow.partner.BankAccount;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import com.partnerflow.task.TaskState;
import com.partnerflow.task.attachment.SampleFiles;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Drives MDF requests through approval into milestone disbursement through the public API and the
 * task inbox, as the demo users of each group: carol (channel-managers), dave
 * (marketing-directors), erin (finance), frank (marketing-ops), grace (executive-sponsors).
 */
public class DisbursementDriver {

  static final Map<String, String> USER_OF_GROUP =
      Map.of(
          "channel-managers", "carol",
          "marketing-directors", "dave",
          "finance", "erin",
          "marketing-ops", "frank",
          "executive-sponsors", "grace");

  static final ObjectMapper JSON = new ObjectMapper();

  final TestRestTemplate http;
  final Partners partners;
  final UserAccounts accounts;
  final FundLedger funds;
  final InboxTasks tasks;
  final BusinessTime time;
  final PartnerBankAccounts bankAccounts;

  public DisbursementDriver(
      TestRestTemplate http,
      Partners partners,
      UserAccounts accounts,
      FundLedger funds,
      InboxTasks tasks,
      BusinessTime time,
      PartnerBankAccounts bankAccounts) {
    this.http = http;
    this.partners = partners;
    this.accounts = accounts;
    this.funds = funds;
    this.tasks = tasks;
    this.time = time;
    this.bankAccounts = bankAccounts;
  }

  /** A partner of a test with one partner user (password demo) and a budget in EUR. */
  public record TestPartner(String id, String user, FundPeriod period) {}

  /** A partner whose bank account was set long ago (no 48 h hold). */
  public TestPartner newPartner(String budget) {
    TestPartner partner = newPartnerWithoutBankDetails(budget);
    bankDetailsChanged(partner, time.now().minus(Duration.ofDays(30)));
    return partner;
  }

  /** The partner's real bank account (partner module), taken over as last changed at {@code at}. */
  void bankDetailsChanged(TestPartner partner, Instant at) {
    assertThat(
            bankAccounts.importExisting(
                new BankAccount(
                    partner.id(),
                    "Disb " + partner.user(),
                    "DE89370400440532013000",
                    "COBADEFFXXX",
                    null,
                    null,
                    "DE",
                    at,
                    "test")))
        .as("bank account of " + partner.id() + " taken over")
        .isTrue();
  }

  /** A partner without bank details: its payments are held out of payment runs. */
  TestPartner newPartnerWithoutBankDetails(String budget) {
    String name = "dsb" + UUID.randomUUID().toString().substring(0, 8);
    Partner partner =
        partners.save(
            new Partner("Disb " + name, name + ".example", Tier.GOLD, Region.EMEA, time.now()));
    accounts.createIfAbsent(
        name, "demo", "User " + name, name + "@" + name + ".example", partner.getId(), Set.of());
    FundPeriod period = funds.currentPeriod();
    funds.allocate(
        LedgerMovement.of(partner.getId(), period, Money.of(budget, "EUR"))
            .withKey("test-allocation:" + partner.getId())
            .by("test")
            .because("budget of a test partner"));
    return new TestPartner(partner.getId(), name, period);
  }

  /** Submits a one-day activity tomorrow with two milestones (30 % and 70 %). */
  public String submit(TestPartner partner, String title, String requested) {
    String day = time.today().plusDays(1).toString();
    String body =
        """
        {"activityType":"WEBINAR","title":"%s","description":"Joint activity","region":"EMEA",
         "startDate":"%s","endDate":"%s","currency":"EUR","totalCost":%s,
         "requestedAmount":%s,"partnerContribution":%s,"expectedRegistrations":200,
         "expectedLeads":40,"expectedPipeline":250000,
         "milestones":[{"name":"Invitations","plannedDate":"%s","sharePercent":30},
                       {"name":"Activity held","plannedDate":"%s","sharePercent":70}]}
        """
            .formatted(
                title,
                day,
                day,
                new BigDecimal(requested).multiply(BigDecimal.TWO).toPlainString(),
                requested,
                requested,
                day,
                day);
    var response = post(partner.user(), "/api/mdf-requests", body);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    return read(response.getBody()).get("id").asText();
  }

  /** Approves every approval level the request is routed to, until it is IN_DISBURSEMENT. */
  public JsonNode approveAll(String requestId) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              JsonNode request = request("erin", requestId);
              if (!request.get("status").asText().equals("IN_DISBURSEMENT")) {
                openTasks(requestId, "ReviewMdfRequestTask").forEach(this::approveReview);
                return null;
              }
              return request;
            },
            r -> r != null);
  }

  private void approveReview(InboxTask task) {
    String group = task.getCandidateGroups().iterator().next();
    complete(USER_OF_GROUP.get(group), task, "{\"decision\":\"APPROVE\"}");
  }

  public JsonNode request(String user, String requestId) {
    return read(get(user, "/api/mdf-requests/" + requestId).getBody());
  }

  /** The request's milestone ids in plan order. */
  public List<String> milestoneIds(String requestId) {
    JsonNode milestones = request("erin", requestId).get("milestones");
    return java.util.stream.StreamSupport.stream(milestones.spliterator(), false)
        .map(m -> m.get("id").asText())
        .toList();
  }

  /** The milestone as {@code user} reads it in the request. */
  public JsonNode milestone(String user, String requestId, String milestoneId) {
    for (JsonNode m : request(user, requestId).get("milestones")) {
      if (m.get("id").asText().equals(milestoneId)) {
        return m;
      }
    }
    throw new AssertionError("No milestone " + milestoneId + " in request " + requestId);
  }

  String milestoneStatus(String requestId, String milestoneId) {
    return milestone("erin", requestId, milestoneId).get("status").asText();
  }

  public void awaitMilestone(String requestId, String milestoneId, String status) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> milestoneStatus(requestId, milestoneId), status::equals);
  }

  /** Open inbox tasks of the element whose context names the request (any process). */
  public List<InboxTask> openTasks(String requestId, String elementId) {
    return tasks.findAll().stream()
        .filter(t -> t.getState() == TaskState.OPEN)
        .filter(t -> t.getElementId().equals(elementId))
        .filter(t -> t.getContextJson() != null && t.getContextJson().contains(requestId))
        .toList();
  }

  /** The open task of the element for the milestone. */
  public InboxTask awaitTask(String milestoneId, String elementId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                tasks.findAll().stream()
                    .filter(t -> t.getState() == TaskState.OPEN)
                    .filter(t -> t.getElementId().equals(elementId))
                    .filter(
                        t ->
                            t.getContextJson() != null
                                && t.getContextJson().contains("\"" + milestoneId + "\""))
                    .findFirst()
                    .orElse(null),
            t -> t != null);
  }

  public ResponseEntity<String> tryComplete(String user, InboxTask task, String json) {
    return post(user, "/api/tasks/" + task.getId() + "/complete", json);
  }

  public void complete(String user, InboxTask task, String json) {
    var response = tryComplete(user, task, json);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
  }

  public static String claim(String claimed, String invoice) {
    return """
        {"actualCost":%s,"claimedAmount":%s,"invoiceNumber":"%s","invoiceDate":"2026-01-15",
         "evidenceLinks":[{"url":"https://example.com/recording"}],"registrations":120,
         "attendees":80,"leads":30,"opportunities":6,"pipelineCreated":90000}
        """
        .formatted(claimed, claimed, invoice);
  }

  /** The partner claims the milestone; returns the claim id. */
  public String claimMilestone(
      TestPartner partner, String milestoneId, String claimed, String invoice) {
    InboxTask task = awaitTask(milestoneId, "SubmitClaimTask");
    complete(partner.user(), task, claim(claimed, invoice));
    return contextValue(task, "claimId");
  }

  /** The variables a milestone's disbursement instance hands its jobs. */
  static Map<String, Object> jobVariables(
      TestPartner partner, String requestId, String milestoneId, String claimId, String title) {
    Map<String, Object> variables = new java.util.HashMap<>();
    variables.put("mdfRequestId", requestId);
    variables.put("milestoneId", milestoneId);
    variables.put("claimId", claimId);
    variables.put("partnerId", partner.id());
    variables.put("fundPeriod", partner.period().id());
    variables.put("milestoneName", "Invitations sent");
    variables.put("title", title);
    return variables;
  }

  /** A job as the engine delivers it to a worker: its instance, element and variables. */
  static io.camunda.client.api.response.ActivatedJob deliveredJob(
      long instance, String elementId, long elementInstance, Map<String, Object> variables) {
    var job = org.mockito.Mockito.mock(io.camunda.client.api.response.ActivatedJob.class);
    org.mockito.Mockito.when(job.getVariablesAsMap()).thenReturn(variables);
    org.mockito.Mockito.when(job.getProcessInstanceKey()).thenReturn(instance);
    org.mockito.Mockito.when(job.getElementId()).thenReturn(elementId);
    org.mockito.Mockito.when(job.getElementInstanceKey()).thenReturn(elementInstance);
    return job;
  }

  public static String contextValue(InboxTask task, String key) {
    return read(task.getContextJson()).get(key).asText();
  }

  public void verify(String milestoneId, String user, String json) {
    complete(user, awaitTask(milestoneId, "VerifyClaimTask"), json);
  }

  /** The payment of the claim, once instructed. */
  public JsonNode awaitPayment(String claimId) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> paymentOfClaim(claimId), p -> p != null);
  }

  public JsonNode paymentOfClaim(String claimId) {
    for (JsonNode p : read(get("erin", "/api/payments").getBody()).get("items")) {
      if (p.get("claimId").asText().equals(claimId)) {
        return p;
      }
    }
    return null;
  }

  public JsonNode payment(String paymentId) {
    for (JsonNode p : read(get("erin", "/api/payments").getBody()).get("items")) {
      if (p.get("id").asText().equals(paymentId)) {
        return p;
      }
    }
    throw new AssertionError("No payment " + paymentId);
  }

  /**
   * Puts the instructed payment into a batch through a payment run started by finance; the daily
   * run may have batched it already when an earlier test moved the clock.
   */
  public String batchPayment(String paymentId) {
    if (payment(paymentId).get("status").asText().equals("INSTRUCTED")) {
      var run = post("erin", "/api/payments/runs", "");
      assertThat(run.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.CONFLICT);
    }
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> payment(paymentId).get("batchId"), b -> b != null && !b.isNull())
        .asText();
  }

  public ResponseEntity<String> confirm(String paymentId, String reference) {
    return post(
        "erin",
        "/api/payments/" + paymentId + "/confirmation",
        "{\"reference\":\"" + reference + "\"}");
  }

  public ResponseEntity<String> fail(String paymentId, String reason) {
    return post(
        "erin", "/api/payments/" + paymentId + "/failure", "{\"reason\":\"" + reason + "\"}");
  }

  /** allocated = available + reserved + paid on the partner's budget. */
  public FundBalance assertLedgerBalances(TestPartner partner) {
    FundBalance b = funds.balance(partner.id(), partner.period(), "EUR").orElseThrow();
    assertThat(b.allocated())
        .as("allocated = available + reserved + paid")
        .isEqualByComparingTo(b.available().add(b.reserved()).add(b.paid()));
    return b;
  }

  /** The ledger entries of a type for the request. */
  public List<FundMovement> entries(TestPartner partner, String requestId, LedgerEntryType type) {
    return funds.movements(partner.id(), partner.period(), "EUR").stream()
        .filter(m -> m.type() == type)
        .filter(m -> MdfDisbursements.fundReference(requestId).equals(m.reference()))
        .toList();
  }

  /** A PDF of its own (the sample PDF with a unique trailing comment), the same for each call. */
  public static byte[] uniquePdf() {
    byte[] pdf = SampleFiles.pdf();
    byte[] tail = ("%" + UUID.randomUUID() + "\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] file = Arrays.copyOf(pdf, pdf.length + tail.length);
    System.arraycopy(tail, 0, file, pdf.length, tail.length);
    return file;
  }

  /** Uploads the file to the task through {@code POST /api/tasks/{id}/attachments}. */
  public JsonNode upload(String user, InboxTask task, String fileName, byte[] content) {
    var response =
        tryUpload(user, "/api/tasks/" + task.getId() + "/attachments", fileName, content);
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
    return read(response.getBody());
  }

  /** Posts the file as the multipart part {@code file} (declared a PDF) to {@code path}. */
  public ResponseEntity<String> tryUpload(
      String user, String path, String fileName, byte[] content) {
    var part = new HttpHeaders();
    part.setContentType(MediaType.APPLICATION_PDF);
    part.setContentDispositionFormData("file", fileName);
    var body = new LinkedMultiValueMap<String, Object>();
    body.add("file", new HttpEntity<>(content, part));
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.withBasicAuth(user, "demo")
        .exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
  }

  public ResponseEntity<String> post(String user, String path, String json) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo")
        .exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }

  public ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  public static JsonNode read(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + json, e);
    }
  }
}
