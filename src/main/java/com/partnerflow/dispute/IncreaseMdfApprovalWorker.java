package com.partnerflow.dispute;

import com.partnerflow.engine.WorkerVariables;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.fund.InsufficientFunds;
import com.partnerflow.mdf.MdfDisputes;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code dispute.increase-mdf-approval}: the overturned or settled reduction is added to the
 * request's approved amount and reserved under the ledger key {@code dispute:<id>:reserve} (once);
 * the request's running milestone flow disburses it. A balance that does not cover it is the BPMN
 * error {@code INSUFFICIENT_FUNDS} (finance allocates funds, the step runs again); a request
 * already closed fails the job (retries, then an incident: an operator decides).
 */
@Component
public class IncreaseMdfApprovalWorker {

  private final MdfDisputes requests;

  IncreaseMdfApprovalWorker(MdfDisputes requests) {
    this.requests = requests;
  }

  @WorkerVariables(
      requires = {"disputeId", "mdfRequestId", "settledAmount"},
      produces = {"fundPeriod", "fundsProblem"})
  @JobWorker(type = DisputeProcess.INCREASE_MDF_APPROVAL)
  public Map<String, Object> increaseMdfApproval(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    try {
      FundPeriod period =
          requests.increase(
              v.required("mdfRequestId"),
              v.amount("settledAmount"),
              v.disputeId(),
              DisputeSteps.SYSTEM);
      return Map.of("fundPeriod", period.id());
    } catch (InsufficientFunds e) {
      throw DisputeProcess.insufficientFunds(e);
    }
  }
}
