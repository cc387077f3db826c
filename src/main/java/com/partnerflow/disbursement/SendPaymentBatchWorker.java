package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import org.springframework.stereotype.Component;

/** {@code disbursement.send-payment-batch}: one batch to the configured payment channel. */
@Component
public class SendPaymentBatchWorker {

  private final PaymentRuns runs;

  SendPaymentBatchWorker(PaymentRuns runs) {
    this.runs = runs;
  }

  @WorkerVariables(requires = "batchId")
  @JobWorker(type = DisbursementProcess.SEND_PAYMENT_BATCH)
  public void send(ActivatedJob job) {
    runs.send(DisbursementJob.of(job).required("batchId"));
  }
}
