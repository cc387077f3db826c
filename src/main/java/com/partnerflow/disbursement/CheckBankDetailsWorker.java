package com.partnerflow.disbursement;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@code disbursement.check-bank-details}: when the partner's bank details last changed ({@code
 * bankDetailsChangedAt}, null when never). Whether that holds the payment, and for how long, is
 * decided in the diagram.
 */
@Component
public class CheckBankDetailsWorker {

  private final ObjectProvider<BankDetailChanges> changes;

  CheckBankDetailsWorker(ObjectProvider<BankDetailChanges> changes) {
    this.changes = changes;
  }

  @WorkerVariables(requires = "partnerId", produces = "bankDetailsChangedAt")
  @JobWorker(type = DisbursementProcess.CHECK_BANK_DETAILS)
  public Map<String, Object> check(ActivatedJob job) {
    String partnerId = DisbursementJob.of(job).required("partnerId");
    Map<String, Object> out = new HashMap<>();
    out.put(
        "bankDetailsChangedAt",
        Ports.required(changes, BankDetailChanges.class)
            .lastChange(partnerId)
            .map(Object::toString)
            .orElse(null));
    return out;
  }
}
