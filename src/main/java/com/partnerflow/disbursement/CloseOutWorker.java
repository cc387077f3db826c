package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import com.partnerflow.mdf.MdfDisbursements;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.Clock;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code disbursement.close-out} (in {@code mdf-request}, after every milestone is settled): the
 * request is CLOSED and its figures stored, once.
 */
@Component
public class CloseOutWorker {

  private final MdfDisbursements requests;
  private final Claims claims;
  private final CloseOuts closeOuts;
  private final TransactionTemplate transaction;
  private final Clock clock;

  CloseOutWorker(
      MdfDisbursements requests,
      Claims claims,
      CloseOuts closeOuts,
      TransactionTemplate transaction,
      Clock clock) {
    this.requests = requests;
    this.claims = claims;
    this.closeOuts = closeOuts;
    this.transaction = transaction;
    this.clock = clock;
  }

  @WorkerVariables(
      requires = "mdfRequestId",
      produces = {"paidAmount", "releasedAmount"})
  @JobWorker(type = DisbursementProcess.CLOSE_OUT)
  public Map<String, Object> closeOut(ActivatedJob job) {
    String requestId = DisbursementJob.of(job).requestId();
    CloseOut closeOut = transaction.execute(s -> close(requestId));
    return Map.of(
        "paidAmount", closeOut.getPaidAmount(), "releasedAmount", closeOut.getReleasedAmount());
  }

  private CloseOut close(String requestId) {
    var earlier = closeOuts.findById(requestId);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    var request = requests.request(requestId);
    var figures =
        CloseOutFigures.of(
            request.approvedAmount(),
            request.paidAmount(),
            request.releasedAmount(),
            claims.findByMdfRequestId(requestId).stream()
                .filter(c -> c.getStatus() == ClaimStatus.PAID)
                .toList());
    requests.close(
        requestId,
        "Closed: approved "
            + figures.approved()
            + ", paid "
            + figures.paid()
            + ", released "
            + figures.released()
            + " "
            + request.currency(),
        "close-out:" + requestId);
    return closeOuts.save(new CloseOut(requestId, request.currency(), figures, clock.instant()));
  }
}
