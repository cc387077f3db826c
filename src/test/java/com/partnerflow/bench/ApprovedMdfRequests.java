package com.partnerflow.bench;

import io.camunda.client.CamundaClient;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Seeds open cases straight through the engine: {@code mdf-request} instances started at the
 * milestone disbursement an approved request waits in ({@code DisburseMilestonesActivity}), with
 * the variables a real approved request holds there. One command per instance instead of the dozen
 * steps of the route, so 10,000 open requests are seeded in a minute; the engine holds the same
 * state for them as for requests that went the whole way.
 */
final class ApprovedMdfRequests {

  static final String WAITING_ELEMENT = "DisburseMilestonesActivity";
  private static final int IN_FLIGHT = 64;

  private final CamundaClient client;
  private final String variablesJson;

  /**
   * @param variablesJson the process variables of an approved request, as a JSON object
   */
  ApprovedMdfRequests(CamundaClient client, String variablesJson) {
    this.client = client;
    this.variablesJson = variablesJson;
  }

  /**
   * The process-level variables of one instance as the engine holds them (latest value of each),
   * read from the record stream, as a JSON object.
   */
  static String variablesOf(RecordStreamSource records, long processInstanceKey) {
    Map<String, String> latest = new LinkedHashMap<>();
    for (Record<?> record : records.getRecords()) {
      if (record.getValueType() == ValueType.VARIABLE
          && record.getValue() instanceof VariableRecordValue variable
          && variable.getScopeKey() == processInstanceKey) {
        latest.put(variable.getName(), variable.getValue());
      }
    }
    if (latest.isEmpty()) {
      throw new IllegalStateException("no variables of instance " + processInstanceKey);
    }
    return latest.entrySet().stream()
        .map(e -> "\"" + e.getKey() + "\":" + e.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  /**
   * Starts {@code count} approved requests waiting for their period to close, 64 commands in
   * flight, or fewer when {@code budget} runs out first.
   *
   * @return how many were started
   */
  int seed(int count, Duration budget) throws InterruptedException {
    long deadline = System.nanoTime() + budget.toNanos();
    Semaphore inFlight = new Semaphore(IN_FLIGHT);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    for (int i = 0; i < count; i++) {
      if (System.nanoTime() > deadline) {
        awaitAll(inFlight, failure);
        return i;
      }
      inFlight.acquire();
      if (failure.get() != null) {
        throw new IllegalStateException("seeding failed", failure.get());
      }
      client
          .newCreateInstanceCommand()
          .bpmnProcessId("mdf-request")
          .latestVersion()
          .variables(variablesJson)
          .startBeforeElement(WAITING_ELEMENT)
          .requestTimeout(Duration.ofMinutes(2))
          .send()
          .whenComplete(
              (created, error) -> {
                if (error != null) {
                  failure.compareAndSet(null, error);
                }
                inFlight.release();
              });
    }
    awaitAll(inFlight, failure);
    return count;
  }

  private static void awaitAll(Semaphore inFlight, AtomicReference<Throwable> failure)
      throws InterruptedException {
    if (!inFlight.tryAcquire(IN_FLIGHT, 10, TimeUnit.MINUTES)) {
      throw new IllegalStateException("seeding did not finish");
    }
    if (failure.get() != null) {
      throw new IllegalStateException("seeding failed", failure.get());
    }
  }
}
