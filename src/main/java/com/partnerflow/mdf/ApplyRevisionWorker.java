package com.partnerflow.mdf;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code mdf.apply-revision}: takes over the partner's revised fields, the milestone plan included
 * (currency and activity type stay); a revision that breaks the input rules goes back to the
 * partner with the problems.
 */
@Component
public class ApplyRevisionWorker {

  private final MdfReview review;

  ApplyRevisionWorker(MdfReview review) {
    this.review = review;
  }

  @WorkerVariables(
      requires = {
        "mdfRequestId",
        "title",
        "startDate",
        "endDate",
        "totalCost",
        "requestedAmount",
        "partnerContribution"
      },
      produces = {"revisionAccepted", "revisionProblems"})
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
            milestones(v, current));
    List<String> problems = review.applyRevision(v.requestId(), revision);
    return Map.of("revisionAccepted", problems.isEmpty(), "revisionProblems", problems);
  }

  /**
   * The revised milestone plan; the current one when the revision carries none (a form without the
   * list). Entries that are not name/date/share objects become empty ones, which the input rules
   * then name.
   */
  private static List<MdfRequestSubmission.MilestonePlan> milestones(
      JobVariables v, MdfRequest current) {
    if (!(v.values().get("milestones") instanceof List<?> revised)) {
      return current.getMilestones().stream()
          .map(
              m ->
                  new MdfRequestSubmission.MilestonePlan(
                      m.name(), m.plannedDate(), m.sharePercent()))
          .toList();
    }
    return revised.stream()
        .map(
            entry -> {
              Map<?, ?> m = entry instanceof Map<?, ?> map ? map : Map.of();
              Object share = m.get("sharePercent");
              return new MdfRequestSubmission.MilestonePlan(
                  m.get("name") == null ? null : String.valueOf(m.get("name")),
                  date(m.get("plannedDate") == null ? null : String.valueOf(m.get("plannedDate"))),
                  share instanceof Number || share instanceof String
                      ? decimal(String.valueOf(share))
                      : null);
            })
        .toList();
  }

  private static BigDecimal decimal(String text) {
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A date as the form sends it (a date, or a date-time of which the date counts); else null. */
  private static LocalDate date(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
