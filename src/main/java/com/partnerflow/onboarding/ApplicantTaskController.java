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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(
    name = "Applicant tasks",
    description = "An applicant's steps, reached through a mailed single-use link")
class ApplicantTaskController {

  private static final String TOKEN = "The token of the mailed link";

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
      String applicationId,
      String name,
      String formKey,
      JsonNode form,
      Map<String, Object> data,
      Map<String, Object> display) {}

  @GetMapping("/api/applicant-tasks/{token}")
  @Operation(
      operationId = "getApplicantTask",
      summary = "Read the applicant's open task of a link",
      description =
          """
          **Who:** anyone holding the link (public: the token stands in for an account).

          The task (answering an information request, accepting the agreement) with its form \
          schema, prefill data and the readable values of its text views (`display`).""")
  @ApiResponse(responseCode = "200", description = "The open task of the link")
  @ApiResponse(responseCode = "404", description = "The link is not valid")
  @ApiResponse(
      responseCode = "409",
      description = "The link was used already, or its task is no longer open")
  @ApiResponse(
      responseCode = "410",
      description = "The link has expired, or the application is expired or rejected")
  ApplicantTaskView show(@Parameter(description = TOKEN) @PathVariable String token) {
    OnboardingToken valid = links.valid(token, Purpose.APPLICANT_TASK);
    InboxTask task = openTask(valid);
    return new ApplicantTaskView(
        valid.getApplicationId(),
        task.getName(),
        task.getFormKey(),
        forms.schemaOf(task).orElse(null),
        forms.prefillOf(task),
        forms.displayOf(task));
  }

  @PostMapping("/api/applicant-tasks/{token}/complete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "completeApplicantTask",
      summary = "Complete the applicant's task of a link",
      description =
          """
          **Who:** anyone holding the link (public).

          The form's values by field key, validated against the form as every task completion \
          is; the link is used up. Completing the agreement task records its acceptance.""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      description = "The form's values by field key",
      content =
          @Content(
              examples =
                  @ExampleObject(name = "acceptAgreement", value = "{\"acceptAgreement\":true}")))
  @ApiResponse(responseCode = "204", description = "Completed; the link is used up")
  @ApiResponse(responseCode = "400", description = "Invalid values, each field in `errors[]`")
  @ApiResponse(responseCode = "404", description = "The link is not valid")
  @ApiResponse(
      responseCode = "409",
      description = "The link was used already, or its task is no longer open or was completed")
  @ApiResponse(
      responseCode = "410",
      description = "The link has expired, or the application is expired or rejected")
  @ApiResponse(
      responseCode = "503",
      description = "The process engine did not accept the completion; the link still works")
  void complete(
      @Parameter(description = TOKEN) @PathVariable String token,
      @RequestBody Map<String, Object> values) {
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
