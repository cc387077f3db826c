package com.partnerflow.mdf;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code mdf.start-disbursement}: the request is IN_DISBURSEMENT; {@code milestones} lists each
 * milestone with its share of the approved amount for the multi-instance call of {@code
 * mdf-disbursement}.
 */
@Component
public class StartDisbursementWorker {

  private final MdfDisbursements disbursements;

  StartDisbursementWorker(MdfDisbursements disbursements) {
    this.disbursements = disbursements;
  }

  @WorkerVariables(requires = "mdfRequestId", produces = "milestones")
  @JobWorker(type = MdfProcess.START_DISBURSEMENT)
  public Map<String, Object> startDisbursement(ActivatedJob job) {
    var request = disbursements.startDisbursement(JobVariables.of(job).requestId());
    List<Map<String, Object>> milestones =
        request.milestones().stream()
            .map(
                m -> {
                  Map<String, Object> item = new LinkedHashMap<>();
                  item.put("id", m.id());
                  item.put("name", m.name());
                  item.put("plannedDate", m.plannedDate());
                  item.put("amount", m.amount());
                  item.put("currency", request.currency());
                  item.put("title", request.title());
                  return item;
                })
            .toList();
    return Map.of("milestones", milestones);
  }
}
