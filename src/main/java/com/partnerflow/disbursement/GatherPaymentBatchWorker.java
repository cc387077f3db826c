package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code disbursement.gather-payment-batch}: the run's batches ({@code batchIds}); a run started by
 * finance brings them, a timer run gathers them here under its process instance as run key, so a
 * retried job gets the same batches back.
 */
@Component
public class GatherPaymentBatchWorker {

  static final String TIMER = "system:payment-run";

  private final PaymentRuns runs;

  GatherPaymentBatchWorker(PaymentRuns runs) {
    this.runs = runs;
  }

  @WorkerVariables(produces = "batchIds")
  @JobWorker(type = DisbursementProcess.GATHER_PAYMENT_BATCH)
  public Map<String, Object> gather(ActivatedJob job) {
    Object given = job.getVariablesAsMap().get("batchIds");
    if (given instanceof List<?> ids) {
      return Map.of("batchIds", ids);
    }
    return Map.of(
        "batchIds",
        runs.gather("payment-run:" + job.getProcessInstanceKey(), TIMER).batches().stream()
            .map(PaymentBatch::getId)
            .toList());
  }
}
