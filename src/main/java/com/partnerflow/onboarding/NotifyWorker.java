package com.partnerflow.onboarding;

import com.partnerflow.engine.WorkerVariables;
import com.partnerflow.notification.Notification;
import com.partnerflow.notification.Notifications;
import com.partnerflow.onboarding.OnboardingToken.Purpose;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code onboarding.notify}: sends the mail the diagram names. Task headers: {@code template}
 * (templates/mail/&lt;template&gt;), {@code to} ({@code applicant}, the default, or {@code
 * partner-managers}) and optionally {@code link}: the id of the applicant's task the mail links to
 * with a new single-use token, or {@code SET_PASSWORD} for the partner admin's invitation. Mails to
 * the applicant also carry {@code statusLink}, the applicant's status page ({@link
 * ApplicantStatusPage}), whose token stays the same for the whole application. Mail goes out once
 * per element instance and recipient; an SMTP outage fails the job, which retries.
 */
@Component
public class NotifyWorker {

  static final String SET_PASSWORD = "SET_PASSWORD";

  private final Notifications notifications;
  private final ApplicantLinks links;
  private final MailRecipients recipients;
  private final ApplicationRecords records;

  NotifyWorker(
      Notifications notifications,
      ApplicantLinks links,
      MailRecipients recipients,
      ApplicationRecords records) {
    this.notifications = notifications;
    this.links = links;
    this.recipients = recipients;
    this.records = records;
  }

  @WorkerVariables
  @JobWorker(type = OnboardingProcess.NOTIFY)
  public void notify(ActivatedJob job) {
    Map<String, Object> variables = job.getVariablesAsMap();
    Map<String, String> headers = job.getCustomHeaders();
    String template = headers.get("template");
    if (template == null) {
      throw new IllegalStateException(job.getElementId() + " names no mail template header");
    }
    List<String> to = recipients.of(headers.get("to"), variables);
    String applicationId = (String) variables.get("applicationId");
    Map<String, Object> model = new HashMap<>(variables);
    if (applicationId != null && MailRecipients.isApplicant(headers.get("to"))) {
      model.put(
          "statusLink",
          links.linkTo(ApplicantStatusPage.PATH, records.statusTokenOf(applicationId)));
    }
    String link = headers.get("link");
    if (SET_PASSWORD.equals(link)) {
      String username = (String) variables.get("adminUsername");
      String token = links.issue(Purpose.SET_PASSWORD, applicationId, null, username);
      model.put("link", links.linkTo("/partner-invitations/", token));
      model.put("username", username);
    } else if (link != null) {
      String token = links.issue(Purpose.APPLICANT_TASK, applicationId, link, null);
      model.put("link", links.linkTo("/applicant-tasks/", token));
    }
    String element = job.getElementId() + "/" + job.getElementInstanceKey();
    for (String recipient : to) {
      notifications.send(
          new Notification(
              Notification.keyFor(job.getProcessInstanceKey(), element, recipient),
              recipient,
              template,
              model));
    }
  }
}
