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
 * {@code dispute.approve-mdf-request}: the overturned rejection becomes APPROVED for the settled
 * amount, reserved under the ledger key {@code dispute:<id>:reserve} (once). A balance that does
 * not cover it changes nothing and is the BPMN error {@code INSUFFICIENT_FUNDS}: the resolution
 * stands, finance allocates funds in its task and the step runs again.
 */
@Component
public class ApproveMdfRequestWorker {

  private final MdfDisputes requests;

  ApproveMdfRequestWorker(MdfDisputes requests) {
    this.requests = requests;
  }

  @WorkerVariables(
      requires = {"disputeId", "mdfRequestId", "settledAmount"},
      produces = {"fundPeriod", "fundsProblem"})
  @JobWorker(type = DisputeProcess.APPROVE_MDF_REQUEST)
  public Map<String, Object> approveMdfRequest(ActivatedJob job) {
    DisputeJob v = DisputeJob.of(job);
    try {
      FundPeriod period =
          requests.reinstate(
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
