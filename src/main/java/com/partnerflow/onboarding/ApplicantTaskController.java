package com.partnerflow.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.partnerflow.common.ConflictException;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.onboarding.OnboardingToken.Purpose;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import com.partnerflow.task.TaskCompletion;
import com.partnerflow.task.TaskForms;
import com.partnerflow.task.TaskState;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The applicant's tasks (answering an information request, accepting the agreement), reached by a
 * mailed single-use link: the token stands in for an account. The task is completed through the
 * task inbox as the applicant's own candidate group, so form validation and exactly-one-wins apply
 * as for everyone else.
 */
@RestController
class ApplicantTaskController {

  private final ApplicantLinks links;
  private final ApplicationRecords records;
  private final InboxTasks tasks;
  private final TaskForms forms;
  private final TaskCompletion completion;
  private final Clock clock;

  ApplicantTaskController(
      ApplicantLinks links,
      ApplicationRecords records,
      InboxTasks tasks,
      TaskForms forms,
      TaskCompletion completion,
      Clock clock) {
    this.links = links;
    this.records = records;
    this.tasks = tasks;
    this.forms = forms;
    this.completion = completion;
    this.clock = clock;
  }

  record ApplicantTaskView(
      String applicationId, String name, String formKey, JsonNode form, Map<String, Object> data) {}

  @GetMapping("/api/applicant-tasks/{token}")
  ApplicantTaskView show(@PathVariable String token) {
    OnboardingToken valid = links.valid(token, Purpose.APPLICANT_TASK);
    InboxTask task = openTask(valid);
    return new ApplicantTaskView(
        valid.getApplicationId(),
        task.getName(),
        task.getFormKey(),
        forms.schemaOf(task).orElse(null),
        forms.prefillOf(task));
  }

  @PostMapping("/api/applicant-tasks/{token}/complete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void complete(@PathVariable String token, @RequestBody Map<String, Object> values) {
    OnboardingToken valid = links.valid(token, Purpose.APPLICANT_TASK);
    InboxTask task = openTask(valid);
    PartnerApplication application = records.get(valid.getApplicationId());
    completion.complete(task.getId(), values, applicant(application));
    links.useUp(token);
    if (OnboardingProcess.ACCEPT_AGREEMENT_TASK.equals(task.getElementId())) {
      String version = agreementVersionOf(task);
      records.change(
          application.getId(),
          "AGREEMENT_ACCEPTED",
          application.getContactEmail(),
          "Agreement version " + version,
          a -> a.acceptAgreement(version, a.getContactEmail(), clock.instant()));
    }
  }

  private InboxTask openTask(OnboardingToken token) {
    PartnerApplication application = records.get(token.getApplicationId());
    if (application.getStatus() == ApplicationStatus.EXPIRED
        || application.getStatus() == ApplicationStatus.REJECTED) {
      throw new ResponseStatusException(
          HttpStatus.GONE, "This application is " + application.getStatus().name().toLowerCase());
    }
    Long instance = application.getProcessInstanceKey();
    return tasks
        .findByProcessInstanceKeyOrderByCreatedAtAsc(instance == null ? -1 : instance)
        .stream()
        .filter(t -> t.getElementId().equals(token.getElementId()))
        .filter(t -> t.getState() == TaskState.OPEN)
        .reduce((first, second) -> second)
        .orElseThrow(() -> new ConflictException("There is no open task for this link"));
  }

  private static PartnerflowUser applicant(PartnerApplication application) {
    return new PartnerflowUser(
        OnboardingProcess.applicantGroup(application.getId()),
        "",
        application.getContactName(),
        application.getContactEmail(),
        Set.of(OnboardingProcess.applicantGroup(application.getId())),
        null,
        true);
  }

  private static String agreementVersionOf(InboxTask task) {
    String json = task.getVariablesJson();
    var matcher =
        java.util.regex.Pattern.compile("\"agreementVersion\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
    return matcher.find() ? matcher.group(1) : "unknown";
  }
}
