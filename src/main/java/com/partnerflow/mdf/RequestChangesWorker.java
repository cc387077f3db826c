package com.partnerflow.mdf;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code mdf.request-changes}: opens the next revision round for the partner, or — after {@link
 * TierBenefits#maxRevisionRounds} rounds (tier-benefits decision) — sets {@code maxRoundsReached}
 * so the request is rejected. The current milestone plan ({@code milestones}) fills the partner's
 * revision form.
 */
@Component
public class RequestChangesWorker {

  private final MdfReview review;

  RequestChangesWorker(MdfReview review) {
    this.review = review;
  }

  @WorkerVariables(
      requires = {"mdfRequestId", "revisionRound", "tierBenefits"},
      produces = {
        "maxRoundsReached",
        "rejectionReasons",
        "rejectedBy",
        "revisionRound",
        "milestones"
      })
  @JobWorker(type = MdfProcess.REQUEST_CHANGES)
  public Map<String, Object> requestChanges(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    int round = v.integer("revisionRound");
    int maxRounds = v.tierBenefits().revisionRounds();
    boolean opened = review.requestChanges(v.requestId(), round, maxRounds);
    if (!opened) {
      return Map.of(
          "maxRoundsReached",
          true,
          "rejectionReasons",
          List.of(
              "Changes were requested again after the maximum of "
                  + maxRounds
                  + " revision rounds"),
          "rejectedBy",
          MdfReview.SYSTEM);
    }
    MdfRequest request = review.request(v.requestId());
    return Map.of(
        "maxRoundsReached",
        false,
        "revisionRound",
        request.getRevisionRound(),
        "milestones",
        request.getMilestones().stream()
            .map(
                m ->
                    Map.of(
                        "name", m.name(),
                        "plannedDate", m.plannedDate().toString(),
                        "sharePercent", m.sharePercent()))
            .toList());
  }
}
