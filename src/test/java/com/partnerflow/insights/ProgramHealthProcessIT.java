package com.partnerflow.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.engine.ProcessTestSupport;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.notification.NotificationLog;
import com.partnerflow.notification.NotificationRecord;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import com.partnerflow.task.TaskState;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Process tests of bpmn/program-health.bpmn on the embedded engine. Each test measures a fund
 * period of its own, ten or more years before the current one, that no other test writes into, by
 * starting the run by hand with {@code fundPeriod}; the weekly timer start measures the current
 * period the same way.
 */
@PartnerflowIntegrationTest
class ProgramHealthProcessIT {

  static final String ADDRESS = "partner-managers@partnerflow.example";

  @Autowired CamundaClient client;
  @Autowired EmbeddedZeebeEngine engine;
  @Autowired JdbcTemplate jdbc;
  @Autowired FundLedger ledger;
  @Autowired RequestOutcomes outcomes;
  @Autowired BusinessTime time;
  @Autowired InboxTasks tasks;
  @Autowired NotificationLog notifications;
  @Autowired TestRestTemplate http;
  @Autowired RecordBreachWorker recordWorker;
  @Autowired MailBreachWorker mailWorker;

  ProcessTestSupport process;

  @BeforeEach
  void setUp() {
    process = new ProcessTestSupport(engine);
  }

  FundPeriod yearsBack(int years) {
    FundPeriod current = time.currentPeriod();
    return FundPeriod.containing(current.startsOn().minusYears(years), current.granularity());
  }

  long start(FundPeriod period) {
    return client
        .newCreateInstanceCommand()
        .bpmnProcessId(ProgramHealthProcess.PROCESS_ID)
        .latestVersion()
        .variables(ProgramHealthProcess.VARIABLES.checked(Map.of("fundPeriod", period.id())))
        .send()
        .join()
        .getProcessInstanceKey();
  }

  List<InboxTask> openReviews(long instance, int count) {
    return await()
        .atMost(Duration.ofSeconds(15))
        .until(
            () ->
                tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(instance).stream()
                    .filter(t -> t.getElementId().equals("ReviewBreachTask"))
                    .filter(t -> t.getState() == TaskState.OPEN)
                    .toList(),
            found -> found.size() == count);
  }

  List<NotificationRecord> mailsOf(FundPeriod period) {
    return notifications.findByRecipientOrderByCreatedAtDesc(ADDRESS).stream()
        .filter(n -> n.getIdempotencyKey().startsWith("program-health:" + period.id() + ":"))
        .toList();
  }

  String asUser(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    var response =
        http.withBasicAuth(user, "demo")
            .exchange(path, method, new HttpEntity<>(body, headers), String.class);
    assertThat(response.getStatusCode().is2xxSuccessful()).as(response.getBody()).isTrue();
    return response.getBody();
  }

  @Test
  void eachBreachIsMailedOnceAndReviewedByPartnerManagersAndALaterRunOfThePeriodRepeatsNothing() {
    FundPeriod period = yearsBack(10);
    InsightsData.in(period, jdbc, ledger, outcomes).seed();

    long first = start(period);

    // Utilisation 0.1867 (< 0.40, the period is over), SLA adherence 0.75 (< 0.90),
    // overturn rate 0.5 (> 0.20); cost per lead 40 EUR stays below 150.
    List<InboxTask> reviews = openReviews(first, 3);
    for (InboxTask review : reviews) {
      String shown = asUser("paula", HttpMethod.GET, "/api/tasks/" + review.getId(), null);
      assertThat(shown)
          .contains("program-health-review")
          .contains("\"fundPeriod\":\"" + period.id() + "\"")
          .contains("\"utilisationRate\":0.1867")
          .contains("\"slaAdherence\":0.75")
          .contains("\"overturnRate\":0.5");
    }
    assertThat(reviews)
        .allSatisfy(r -> assertThat(r.getCandidateGroups()).containsExactly("partner-managers"));
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(mailsOf(period))
                    .extracting(NotificationRecord::getIdempotencyKey)
                    .containsExactlyInAnyOrder(
                        "program-health:" + period.id() + ":UTILISATION:" + ADDRESS,
                        "program-health:" + period.id() + ":SLA_ADHERENCE:" + ADDRESS,
                        "program-health:" + period.id() + ":OVERTURN_RATE:" + ADDRESS));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM insights_program_health_breach WHERE period = ?",
                Integer.class,
                period.id()))
        .isEqualTo(3);

    // The next run of the same period finds the same breaches, all known: no task, no mail.
    long second = start(period);
    process.eventually(
        second,
        p ->
            p.isCompleted()
                .hasPassedElement("BreachKnownEvent", 3)
                .hasPassedElement("BreachesHandledEvent")
                .hasNotPassedElement("MailBreachTask")
                .hasNotPassedElement("ReviewBreachTask"));
    assertThat(tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(second)).isEmpty();
    assertThat(mailsOf(period)).hasSize(3);

    // Partner managers review each breach of the first run: it ends.
    for (InboxTask review : reviews) {
      asUser(
          "paula",
          HttpMethod.POST,
          "/api/tasks/" + review.getId() + "/complete",
          "{\"breachAcknowledged\":true,\"breachNote\":\"Talk to the partners\"}");
    }
    process.eventually(
        first,
        p ->
            p.isCompleted()
                .hasPassedElement("BreachReviewedEvent", 3)
                .hasPassedElement("BreachesHandledEvent"));
  }

  @Test
  void aPeriodWithoutBreachEndsHealthyWithoutTaskOrMail() {
    FundPeriod period = yearsBack(12);

    long instance = start(period);

    process.eventually(
        instance,
        p ->
            p.isCompleted()
                .hasPassedElement("EvaluateThresholdsTask")
                .hasPassedElement("ProgramHealthyEvent")
                .hasNotPassedElement("HandleBreachSubProcess"));
    assertThat(tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(instance)).isEmpty();
    assertThat(mailsOf(period)).isEmpty();
  }

  @Test
  void redeliveredJobsRecordAndMailNothingTwice() {
    FundPeriod period = yearsBack(14);
    Map<String, Object> variables =
        Map.of(
            "programHealth",
            Map.of("fundPeriod", period.id()),
            "breach",
            Map.of(
                "metric",
                "OVERTURN_RATE",
                "label",
                "Dispute overturn rate above 20 %",
                "threshold",
                0.2,
                "figure",
                0.5));
    ActivatedJob job = job(variables, 4711L);

    // The same record job twice (after a timeout or a failed completion): still new, one row.
    assertThat(recordWorker.record(job)).isEqualTo(Map.of("breachNew", true));
    assertThat(recordWorker.record(job)).isEqualTo(Map.of("breachNew", true));
    // Another run's job for the same period and metric: known.
    assertThat(recordWorker.record(job(variables, 4712L))).isEqualTo(Map.of("breachNew", false));
    assertThat(
            jdbc.queryForObject(
                "SELECT COUNT(*) FROM insights_program_health_breach WHERE period = ?",
                Integer.class,
                period.id()))
        .isEqualTo(1);

    // The mail job twice: one mail.
    mailWorker.mail(job);
    mailWorker.mail(job);
    assertThat(mailsOf(period)).hasSize(1);
  }

  @Test
  void theWeeklyTimerStartsARunThatMeasuresTheCurrentPeriod() {
    // The start timer (no instance yet: key -1) is due a week after the diagram was deployed.
    List<ProcessTestSupport.CreatedTimer> timers = process.timersOf(-1, "WeeklyProgramHealthEvent");
    assertThat(timers).isNotEmpty();
    ProcessTestSupport.CreatedTimer first = timers.get(0);
    assertThat(Duration.between(first.createdAt(), first.dueAt()))
        .isBetween(Duration.ofDays(7).minusSeconds(5), Duration.ofDays(7).plusSeconds(5));

    Instant due = timers.get(timers.size() - 1).dueAt();
    Instant now = engine.clock().instant();
    if (due.isAfter(now)) {
      process.moveClock(Duration.between(now, due).plusMinutes(1));
    }

    // What the current period breaches depends on the other tests' data; the run measures it.
    long instance =
        await()
            .atMost(Duration.ofSeconds(15))
            .until(this::lastTimerStartedInstance, key -> key != null);
    process.eventually(
        instance,
        p ->
            p.hasPassedElement("WeeklyProgramHealthEvent")
                .hasPassedElement("MeasureProgramHealthTask")
                .hasPassedElement("EvaluateThresholdsTask"));
  }

  /** The newest instance the weekly timer started, from the record stream; null for none. */
  Long lastTimerStartedInstance() {
    Long found = null;
    for (Record<?> record : engine.recordStream().getRecords()) {
      if (record.getValueType() == ValueType.PROCESS_INSTANCE
          && record.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
          && record.getValue() instanceof ProcessInstanceRecordValue value
          && value.getBpmnProcessId().equals(ProgramHealthProcess.PROCESS_ID)
          && value.getElementId().equals("WeeklyProgramHealthEvent")) {
        found = value.getProcessInstanceKey();
      }
    }
    return found;
  }

  static ActivatedJob job(Map<String, Object> variables, long elementInstanceKey) {
    ActivatedJob job = mock(ActivatedJob.class);
    when(job.getVariablesAsMap()).thenReturn(variables);
    when(job.getElementInstanceKey()).thenReturn(elementInstanceKey);
    return job;
  }
}
