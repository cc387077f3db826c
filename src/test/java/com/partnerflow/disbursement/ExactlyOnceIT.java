package com.partnerflow.disbursement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.when;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.disbursement.DisbursementDriver.TestPartner;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.LedgerEntryType;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import io.camunda.client.api.response.ActivatedJob;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payments are exactly-once under at-least-once job delivery. Each test ends with exactly one
 * Payment, one batch line and one PAY entry for its claim, whatever was delivered twice, raced or
 * crashed. The real workers run as well; the test delivers the jobs of {@code
 * disbursement.instruct-payment}, {@code gather-payment-batch} and {@code record-payment} again
 * itself, with the variables the engine hands them. The claim is held first (its partner's bank
 * details changed just now), so the test can deliver the instruct job before the engine does.
 */
@PartnerflowIntegrationTest
class ExactlyOnceIT {

  @Autowired TestRestTemplate http;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;
  @Autowired Payments payments;
  @Autowired PaymentBatchLines lines;
  @Autowired InstructPaymentWorker instructWorker;
  @Autowired GatherPaymentBatchWorker gatherWorker;
  @Autowired RecordPaymentWorker recordWorker;
  @Autowired TransactionTemplate transaction;
  DisbursementDriver driver;

  @BeforeEach
  void setUp() {
    driver = new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    time.ensureDaysLeftInPeriod(5);
  }

  /** A verified claim whose payment is held for finance (nothing instructed yet). */
  record Held(
      TestPartner partner,
      String requestId,
      String milestoneId,
      String claimId,
      InboxTask hold,
      Map<String, Object> variables) {}

  Held held() {
    TestPartner partner = driver.newPartnerWithoutBankDetails("50000.00");
    String requestId = driver.submit(partner, "Exactly once " + partner.user(), "1500.50");
    driver.approveAll(requestId);
    String m1 = driver.milestoneIds(requestId).get(0);
    driver.bankDetailsChanged(partner, time.now());
    String claimId =
        driver.claimMilestone(
            partner, m1, "450.15", "INV-" + UUID.randomUUID().toString().substring(0, 8));
    driver.verify(m1, "frank", "{\"decision\":\"APPROVE\"}");
    InboxTask hold = driver.awaitTask(m1, "ApproveHeldPaymentTask");
    return new Held(
        partner,
        requestId,
        m1,
        claimId,
        hold,
        DisbursementDriver.jobVariables(partner, requestId, m1, claimId, "Exactly once"));
  }

  /** A job as the engine delivers it to a worker of the held claim's instance. */
  ActivatedJob job(Held held, String elementId, Map<String, Object> extra) {
    Map<String, Object> variables = new HashMap<>(held.variables());
    variables.putAll(extra);
    ActivatedJob job =
        DisbursementDriver.deliveredJob(
            held.hold().getProcessInstanceKey(),
            elementId,
            held.hold().getElementInstanceKey() + 1,
            variables);
    when(job.getKey()).thenReturn(held.hold().getId() + 1);
    return job;
  }

  String instructAgain(Held held) {
    return (String)
        instructWorker.instruct(job(held, "InstructPaymentTask", Map.of())).get("paymentId");
  }

  void release(Held held) {
    driver.complete("erin", held.hold(), "{\"holdDecision\":\"RELEASE\"}");
  }

  /** The claim's payment, confirmed and recorded by the real workers. */
  String confirmed(Held held) {
    String paymentId = driver.awaitPayment(held.claimId()).get("id").asText();
    driver.batchPayment(paymentId);
    assertThat(driver.confirm(paymentId, "REF-" + paymentId).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    driver.awaitMilestone(held.requestId(), held.milestoneId(), "PAID");
    return paymentId;
  }

  void assertExactlyOnce(Held held, String paymentId) {
    assertThat(payments.findAll().stream().filter(p -> p.getClaimId().equals(held.claimId())))
        .as("payments of the claim")
        .hasSize(1);
    assertThat(lines.countByKeyPaymentId(paymentId)).as("batch lines of the payment").isEqualTo(1);
    assertThat(driver.entries(held.partner(), held.requestId(), LedgerEntryType.PAY))
        .as("PAY entries")
        .hasSize(1)
        .allSatisfy(m -> assertThat(m.amount().amount()).isEqualByComparingTo("450.15"));
    assertThat(driver.request("erin", held.requestId()).get("paidAmount").decimalValue())
        .isEqualByComparingTo("450.15");
    driver.assertLedgerBalances(held.partner());
  }

  @Test
  void theSameJobCompletedTwice() {
    Held held = held();
    String first = instructAgain(held);
    String second = instructAgain(held);
    assertThat(second).isEqualTo(first);
    release(held);

    String paymentId = confirmed(held);
    assertThat(paymentId).isEqualTo(first);
    // The record-payment job delivered and completed a second time.
    recordWorker.recordPayment(job(held, "RecordPaymentTask", Map.of("paymentId", paymentId)));

    assertExactlyOnce(held, paymentId);
  }

  /** The delivery only; {@link JobTimeoutIT} lets the engine's own job timeout run out. */
  @Test
  void aJobActivatedAgainAfterItsTimeout() {
    Held held = held();
    // The first activation did its work but timed out before completing; the engine hands the
    // job out again.
    String firstActivation = instructAgain(held);
    release(held);
    String paymentId = driver.awaitPayment(held.claimId()).get("id").asText();
    assertThat(paymentId).isEqualTo(firstActivation);

    // A timer run's gather job, activated twice, gets the same batches both times.
    ActivatedJob gather = job(held, "GatherPaymentBatchTask", Map.of());
    when(gather.getProcessInstanceKey()).thenReturn(-System.nanoTime());
    var batches = gatherWorker.gather(gather).get("batchIds");
    assertThat(gatherWorker.gather(gather).get("batchIds")).isEqualTo(batches);
    assertThat(driver.batchPayment(paymentId)).isIn(((List<?>) batches).toArray());

    assertThat(driver.confirm(paymentId, "REF-T").getStatusCode()).isEqualTo(HttpStatus.OK);
    driver.awaitMilestone(held.requestId(), held.milestoneId(), "PAID");
    recordWorker.recordPayment(job(held, "RecordPaymentTask", Map.of("paymentId", paymentId)));

    assertExactlyOnce(held, paymentId);
  }

  @Test
  void twoWorkersRacing() throws Exception {
    Held held = held();
    List<String> instructed = race(4, () -> instructAgain(held));
    assertThat(instructed).hasSize(4).containsOnly(instructed.get(0));
    release(held);
    String paymentId = driver.awaitPayment(held.claimId()).get("id").asText();
    assertThat(paymentId).isEqualTo(instructed.get(0));

    // Two payment runs at once (two instances): the payment goes into one batch.
    List<HttpStatus> runs =
        race(
            2,
            () ->
                HttpStatus.valueOf(
                    driver.post("erin", "/api/payments/runs", "").getStatusCode().value()));
    assertThat(runs)
        .contains(HttpStatus.CREATED)
        .allMatch(s -> s == HttpStatus.CREATED || s == HttpStatus.CONFLICT);
    driver.batchPayment(paymentId);
    assertThat(driver.confirm(paymentId, "REF-R").getStatusCode()).isEqualTo(HttpStatus.OK);

    race(
        3,
        () -> {
          recordWorker.recordPayment(
              job(held, "RecordPaymentTask", Map.of("paymentId", paymentId)));
          return true;
        });
    driver.awaitMilestone(held.requestId(), held.milestoneId(), "PAID");

    assertExactlyOnce(held, paymentId);
  }

  @Test
  void aCrashAfterThePaymentRowIsWrittenBeforeTheJobCompletes() {
    Held held = held();
    // A crash inside the transaction: nothing is written.
    assertThatThrownBy(
            () ->
                transaction.executeWithoutResult(
                    s -> {
                      instructAgain(held);
                      throw new IllegalStateException("crash");
                    }))
        .hasMessage("crash");
    assertThat(payments.findByIdempotencyKey(Payment.keyFor(held.claimId()))).isEmpty();

    // A crash after the row is committed, before the job is completed: the engine delivers the
    // job again (here: the real worker after the hold) and finds the row.
    String written = instructAgain(held);
    release(held);
    String paymentId = confirmed(held);
    assertThat(paymentId).isEqualTo(written);

    assertExactlyOnce(held, paymentId);
  }

  /**
   * As the engine treats a failed job: a worker that loses a race on a row lock or version fails
   * its job, which is retried (here at once, up to five times).
   */
  static <T> T withRetries(Callable<T> work) throws Exception {
    for (int attempt = 1; ; attempt++) {
      try {
        return work.call();
      } catch (RuntimeException e) {
        if (attempt == 5) {
          throw e;
        }
        Thread.sleep(100L * attempt);
      }
    }
  }

  /** The work on {@code workers} threads started at the same moment; their results. */
  static <T> List<T> race(int workers, Callable<T> work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(workers);
    try {
      CyclicBarrier start = new CyclicBarrier(workers);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < workers; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await(10, TimeUnit.SECONDS);
                  return withRetries(work);
                }));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(60, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
