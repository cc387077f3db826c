package com.partnerflow.mdf;

import com.partnerflow.engine.WorkerVariables;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code mdf.send-reminder}: half the SLA has passed; mails the members of the group holding the
 * review ({@code reminderGroup}, mapped in the model) once per reminder.
 */
@Component
public class SendReminderWorker {

  private final MdfReview review;
  private final MdfMail mail;

  SendReminderWorker(MdfReview review, MdfMail mail) {
    this.review = review;
    this.mail = mail;
  }

  @WorkerVariables(
      requires = {"mdfRequestId", "reminderGroup"},
      produces = "remindersSent")
  @JobWorker(type = MdfProcess.SEND_REMINDER)
  public Map<String, Object> sendReminder(ActivatedJob job) {
    JobVariables v = JobVariables.of(job);
    int sent =
        mail.reminder(
            review.request(v.requestId()),
            v.text("reminderGroup"),
            job.getProcessInstanceKey(),
            job.getElementId() + ":" + job.getElementInstanceKey());
    return Map.of("remindersSent", sent);
  }
}
