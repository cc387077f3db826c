package com.partnerflow.bench;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.UiSession;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.identity.UserAccounts.NewAccount;
import com.partnerflow.partner.BankAccount;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MDF requests submitted by signed-in Gold partner users through {@code POST /api/mdf-requests}, as
 * the portal's start form posts them, and one watcher thread that sees them approved, their review,
 * claim or verification task in the inbox, or their payment instructed (one query for all waiting
 * requests, so waiting does not load the database).
 */
final class PortalMdfLoad implements AutoCloseable {

  private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
  private static final String PASSWORD = "bench-password";

  private final int port;
  private final Partners partners;
  private final UserAccounts accounts;
  private final FundLedger funds;
  private final JdbcTemplate jdbc;
  private final PartnerBankAccounts bankAccounts;
  private final Map<String, CompletableFuture<Void>> approvals = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> reviewTasks = new ConcurrentHashMap<>();
  private final Map<String, CompletableFuture<Void>> payments = new ConcurrentHashMap<>();

  /** Waiting for an open task of an element, by request id and element id. */
  private final Map<TaskOf, CompletableFuture<Long>> openTasks = new ConcurrentHashMap<>();

  private record TaskOf(String requestId, String elementId) {}

  private final Thread watcher;

  PortalMdfLoad(
      int port,
      Partners partners,
      UserAccounts accounts,
      FundLedger funds,
      PartnerBankAccounts bankAccounts,
      JdbcTemplate jdbc) {
    this.port = port;
    this.partners = partners;
    this.accounts = accounts;
    this.funds = funds;
    this.bankAccounts = bankAccounts;
    this.jdbc = jdbc;
    watcher = new Thread(this::watch, "bench-mdf-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }

  /**
   * A new ACTIVE Gold partner with a budget and bank details set 30 days ago (its payments are not
   * held), signed in. A new partner's requests are LOW risk up to the third one (the fourth in 30
   * days is MEDIUM), so each may have three auto-approved.
   */
  UiSession newGoldPartner() {
    return goldPartners(1).getFirst();
  }

  /**
   * Signed-in partners for {@code requests} requests, three each (a fourth would not be approved
   * automatically, nor stay at one level). Made before a clock starts: signing in hashes a password
   * with bcrypt, which would otherwise take a third of a measured window's CPU. Their accounts
   * share one password hash (hashed once, as for the demo users), so that making them takes one
   * bcrypt per partner instead of two.
   */
  List<UiSession> partnersFor(int requests) {
    return goldPartners((requests + 2) / 3);
  }

  private List<UiSession> goldPartners(int count) {
    List<NewAccount> newAccounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "bench" + UUID.randomUUID().toString().substring(0, 8);
      Partner partner =
          partners.save(
              new Partner(
                  "Bench " + name, name + ".example", Tier.GOLD, Region.EMEA, Instant.now()));
      funds.allocate(
          LedgerMovement.of(partner.getId(), funds.currentPeriod(), Money.of("100000.00", "EUR"))
              .withKey("bench-allocation:" + partner.getId())
              .by("bench")
              .because("benchmark budget"));
      bankAccounts.importExisting(
          new BankAccount(
              partner.getId(),
              "Bench " + name,
              "DE89370400440532013000",
              "COBADEFFXXX",
              null,
              null,
              "DE",
              Instant.now().minus(Duration.ofDays(30)),
              "bench"));
      newAccounts.add(new NewAccount(name, name, null, partner.getId(), Set.of()));
    }
    accounts.createAllIfAbsent(newAccounts, PASSWORD);
    // Signing in checks the password with bcrypt: two at a time use both cores for it.
    try (ExecutorService signIns = Executors.newFixedThreadPool(2)) {
      List<Future<UiSession>> sessions = new ArrayList<>();
      for (NewAccount account : newAccounts) {
        sessions.add(signIns.submit(() -> signedIn(account)));
      }
      List<UiSession> signedIn = new ArrayList<>();
      for (Future<UiSession> session : sessions) {
        signedIn.add(session.get());
      }
      return signedIn;
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException("signing in the benchmark's partners failed", e);
    }
  }

  private UiSession signedIn(NewAccount account) {
    UiSession session = UiSession.signIn(port, account.username(), PASSWORD);
    // The start form page fixes the session's CSRF token; without it, the session's first
    // concurrent posts could each make a token of their own, and all but the last would be
    // refused.
    session.get("/mdf-requests/new");
    return session;
  }

  /** One request's way through the service, from its partner's session to what it answers. */
  @FunctionalInterface
  interface Request<T> {
    T run(UiSession partner) throws Exception;
  }

  /**
   * Runs {@code count} requests, three from each of the sessions, {@code inFlight} at a time on
   * threads of their own, and answers what each answered, in order.
   */
  static <T> List<T> inFlight(List<UiSession> sessions, int count, int inFlight, Request<T> request)
      throws Exception {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            inFlight, Thread.ofPlatform().name("bench-load-", 0).factory());
    try {
      List<Future<T>> results = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        UiSession session = sessions.get(i / 3);
        results.add(pool.submit(() -> request.run(session)));
      }
      List<T> answers = new ArrayList<>();
      for (Future<T> result : results) {
        answers.add(result.get());
      }
      return answers;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Submits a webinar request; 1,500.00 of a Gold partner with LOW risk is approved automatically,
   * 5,000.50 goes to one approval level ({@code channel-managers}). Returns the request's id.
   */
  String submit(UiSession session, String amount) {
    HttpResponse<String> created =
        session.postJson("/api/mdf-requests", request(amount), "/mdf-requests/new");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    Matcher id = ID.matcher(created.body());
    assertThat(id.find()).isTrue();
    return id.group(1);
  }

  /** Completes when the request is APPROVED (or already IN_DISBURSEMENT after it). */
  CompletableFuture<Void> approved(String requestId) {
    return approvals.computeIfAbsent(requestId, id -> new CompletableFuture<>());
  }

  /** Completes when the request's review task is in the inbox. */
  CompletableFuture<Void> reviewTask(String requestId) {
    return reviewTasks.computeIfAbsent(requestId, id -> new CompletableFuture<>());
  }

  /** Completes with the task's id once an open task of the element is in the request's case. */
  CompletableFuture<Long> openTask(String requestId, String elementId) {
    return openTasks.computeIfAbsent(
        new TaskOf(requestId, elementId), key -> new CompletableFuture<>());
  }

  /** Completes when the payment of the request's claim is instructed. */
  CompletableFuture<Void> paymentInstructed(String requestId) {
    return payments.computeIfAbsent(requestId, id -> new CompletableFuture<>());
  }

  private void watch() {
    while (!Thread.currentThread().isInterrupted()) {
      // Milestone disbursement starts right after the approval and may pass APPROVED before a look.
      complete(
          approvals,
          "select id from mdf_request where status in ('APPROVED', 'IN_DISBURSEMENT')"
              + " and id in (%s)");
      complete(
          reviewTasks,
          "select r.id from mdf_request r join inbox_task t"
              + " on t.process_instance_key = r.process_instance_key"
              + " where t.element_id = 'ReviewMdfRequestTask' and r.id in (%s)");
      complete(
          payments, "select distinct mdf_request_id from payment where mdf_request_id in (%s)");
      completeOpenTasks();
      try {
        // As often as the approver lists the inbox: the watcher shares the service's 2 cores.
        Thread.sleep(10);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void complete(Map<String, CompletableFuture<Void>> waiting, String query) {
    if (!waiting.isEmpty()) {
      String ids = waiting.keySet().stream().map(id -> "'" + id + "'").collect(joining(","));
      jdbc.queryForList(query.formatted(ids), String.class)
          .forEach(id -> waiting.remove(id).complete(null));
    }
  }

  /**
   * The open tasks waited for, of every process of the requests' partners whose context names the
   * request (a milestone's tasks are in the disbursement instance, not the request's).
   */
  private void completeOpenTasks() {
    if (openTasks.isEmpty()) {
      return;
    }
    String ids =
        openTasks.keySet().stream()
            .map(task -> "'" + task.requestId() + "'")
            .distinct()
            .collect(joining(","));
    jdbc.query(
        "select t.id, r.id as request_id, t.element_id from inbox_task t join mdf_request r"
            + " on t.partner_id = r.partner_id and t.context_json like concat('%', r.id, '%')"
            + " where t.state = 'OPEN' and r.id in ("
            + ids
            + ")",
        row -> {
          var waiter =
              openTasks.remove(
                  new TaskOf(row.getString("request_id"), row.getString("element_id")));
          if (waiter != null) {
            waiter.complete(row.getLong("id"));
          }
        });
  }

  /**
   * The partner's claim of the request's one milestone in full (a request of {@code amount} costs
   * twice that), with an invoice number of its own and a link as evidence: the claim's checks pass.
   */
  static String claim(String amount) {
    return """
        {"actualCost":%s,"claimedAmount":%s,"invoiceNumber":"INV-%s","invoiceDate":"%s",
         "evidenceLinks":[{"url":"https://example.com/recording"}],"registrations":120,
         "attendees":80,"leads":30,"opportunities":6,"pipelineCreated":90000}
        """
        .formatted(
            new java.math.BigDecimal(amount).multiply(java.math.BigDecimal.TWO),
            amount,
            UUID.randomUUID(),
            LocalDate.now(ZoneOffset.UTC));
  }

  /** A one-word title of its own keeps every request clear of incentive stacking. */
  static String request(String amount) {
    String start = LocalDate.now(ZoneOffset.UTC).plusDays(7).toString();
    String title = "Bench" + UUID.randomUUID().toString().replace("-", "");
    return """
        {"activityType":"WEBINAR","title":"%s","description":"Benchmark","region":"EMEA",
         "startDate":"%s","endDate":"%s","currency":"EUR","totalCost":%s,
         "requestedAmount":%s,"partnerContribution":%s,"expectedRegistrations":100,
         "expectedLeads":10,"expectedPipeline":50000,
         "milestones":[{"name":"Webinar held","plannedDate":"%s","sharePercent":100}]}
        """
        .formatted(
            title,
            start,
            start,
            new java.math.BigDecimal(amount).multiply(java.math.BigDecimal.TWO),
            amount,
            amount,
            start);
  }

  @Override
  public void close() {
    watcher.interrupt();
  }
}
