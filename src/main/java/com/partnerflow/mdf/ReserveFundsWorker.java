package com.partnerflow.mdf;

import com.partnerflow.engine.WorkerVariables;
import com.partnerflow.fund.FundPeriod;
import com.partnerflow.fund.InsufficientFunds;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.BpmnError;
import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code mdf.reserve-funds}: reserves the approved amount (the stored one; the requested amount
 * when the request was auto-approved). A balance that no longer covers it is the BPMN error {@code
 * INSUFFICIENT_FUNDS}; nothing is reserved then.
 */
@Component
public class ReserveFundsWorker {

  private final MdfReview review;
  private final MdfFunding funding;

  ReserveFundsWorker(MdfReview review, MdfFunding funding) {
    this.review = review;
    this.funding = funding;
  }

  @WorkerVariables(
      requires = "mdfRequestId",
      produces = {"approvedAmount", "fundPeriod", "periodClosesAt", "fundsProblem"})
  @JobWorker(type = MdfProcess.RESERVE_FUNDS)
  public Map<String, Object> reserveFunds(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    MdfRequest request = review.request(v.requestId());
    BigDecimal amount =
        Optional.ofNullable(request.getApprovedAmount()).orElse(request.getRequestedAmount());
    try {
      FundPeriod period = funding.reserve(request.getId(), amount);
      return Map.of(
          "approvedAmount", amount,
          "fundPeriod", period.id(),
          "periodClosesAt",
              period.endsOn().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).toString());
    } catch (InsufficientFunds e) {
      throw new BpmnError(
          MdfProcess.INSUFFICIENT_FUNDS, e.getMessage(), Map.of("fundsProblem", e.getMessage()), e);
    }
  }
}
