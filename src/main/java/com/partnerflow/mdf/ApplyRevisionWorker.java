package com.partnerflow.mdf;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code mdf.apply-revision}: takes over the partner's revised fields (the milestone plan, currency
 * and activity type stay); a revision that breaks the input rules goes back to the partner.
 */
@Component
public class ApplyRevisionWorker {

  private final MdfReview review;

  ApplyRevisionWorker(MdfReview review) {
    this.review = review;
  }

  @JobWorker(type = MdfProcess.APPLY_REVISION)
  public Map<String, Object> applyRevision(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    MdfRequest current = review.request(v.requestId());
    var revision =
        new MdfRequestSubmission(
            current.getActivityType().name(),
            v.text("title"),
            v.text("description"),
            current.getRegion(),
            date(v.text("startDate")),
            date(v.text("endDate")),
            current.getCurrency(),
            v.amount("totalCost"),
            v.amount("requestedAmount"),
            v.amount("partnerContribution"),
            current.getExpectedRegistrations(),
            current.getExpectedLeads(),
            current.getExpectedPipeline(),
            current.getMilestones().stream()
                .map(
                    m ->
                        new MdfRequestSubmission.MilestonePlan(
                            m.name(), m.plannedDate(), m.sharePercent()))
                .toList());
    List<String> problems = review.applyRevision(v.requestId(), revision);
    return Map.of("revisionAccepted", problems.isEmpty(), "revisionProblems", problems);
  }

  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
  }
}
