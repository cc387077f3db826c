package com.partnerflow.task;

import com.partnerflow.identity.PartnerflowUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The task inbox API: list, read, claim, unclaim, assign and complete human tasks. */
@RestController
@RequestMapping("/api/tasks")
@Tag(name = "Tasks", description = "The task inbox: the human steps of every process")
class TaskController {

  private static final String TASK_ID = "The task's id (the engine's job key)";
  private static final String NOT_VISIBLE =
      "No such task, or the caller may not see it (another partner's task is not found either)";
  private static final String BAD_ID = "`id` is not a number";

  private final TaskList list;
  private final TaskInbox inbox;
  private final TaskCompletion completion;

  TaskController(TaskList list, TaskInbox inbox, TaskCompletion completion) {
    this.list = list;
    this.inbox = inbox;
    this.completion = completion;
  }

  @GetMapping
  @Operation(
      operationId = "listTasks",
      summary = "List the tasks the caller may work",
      description =
          """
          **Who:** any signed-in user; each sees only the tasks they are assignee or candidate of \
          (a partner user those of their own partner; admins all).

          One page of tasks, by default overdue first and then by due date.""")
  @ApiResponse(responseCode = "200", description = "One page of tasks")
  @ApiResponse(
      responseCode = "400",
      description = "`size` outside 1–200, `page` negative, or an unknown `sort`")
  TaskList.Result tasks(
      @Parameter(description = "`me` or a username: only tasks assigned to them", example = "me")
          @RequestParam(required = false)
          String assignee,
      @Parameter(description = "Only tasks of this candidate group", example = "channel-managers")
          @RequestParam(required = false)
          String candidateGroup,
      @Parameter(
              description = "Only tasks of this process (`bpmnProcessId`)",
              example = "mdf-request")
          @RequestParam(required = false)
          String processId,
      @Parameter(description = "`true`: only tasks past their due date")
          @RequestParam(required = false)
          Boolean overdue,
      @Parameter(description = "Page number, from 0") @RequestParam(defaultValue = "0") int page,
      @Parameter(description = "Page size, 1 to 200") @RequestParam(defaultValue = "50") int size,
      @Parameter(
              description = "`dueDate` (overdue first), `createdAt` (newest first) or `priority`")
          @RequestParam(defaultValue = "dueDate")
          String sort,
      @AuthenticationPrincipal PartnerflowUser user) {
    return list.visibleTasks(
        new TaskList.Filter(assignee, candidateGroup, processId, overdue, page, size, sort), user);
  }

  @GetMapping("/{id}")
  @Operation(
      operationId = "getTask",
      summary = "Read a task with its form, prefill data and the case's history",
      description =
          """
          **Who:** users who may see the task (assignee, candidates, admins).

          `form` is the Camunda Form schema of the task's form key (absent with a `formProblem` \
          when the form is missing), `data` the values the form shows, `display` the same values \
          of the keys only its text views show, as people read them (labels for codes, amounts \
          and dates in the request's locale, timestamps in the user's time zone), `history[]` \
          the case's earlier steps.""")
  @ApiResponse(responseCode = "200", description = "The task")
  @ApiResponse(responseCode = "400", description = BAD_ID)
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  TaskView task(
      @Parameter(description = TASK_ID) @PathVariable long id,
      @AuthenticationPrincipal PartnerflowUser user) {
    return list.task(id, user);
  }

  @PostMapping("/{id}/claim")
  @Operation(
      operationId = "claimTask",
      summary = "Claim a task",
      description =
          """
          **Who:** a candidate of the task (candidate group or user).

          Makes the caller the assignee; claiming a task one holds already changes nothing.""")
  @ApiResponse(responseCode = "200", description = "The task, now assigned to the caller")
  @ApiResponse(responseCode = "400", description = BAD_ID)
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  @ApiResponse(
      responseCode = "409",
      description =
          "Claimed by someone else, the caller is no candidate, or the task is completed or"
              + " vanished from its process")
  TaskView claim(
      @Parameter(description = TASK_ID) @PathVariable long id,
      @AuthenticationPrincipal PartnerflowUser user) {
    inbox.claim(id, user);
    return list.task(id, user);
  }

  @PostMapping("/{id}/unclaim")
  @Operation(
      operationId = "unclaimTask",
      summary = "Give a claimed task back to its candidates",
      description =
          """
          **Who:** the assignee, or an admin.

          An unassigned task stays as it is.""")
  @ApiResponse(responseCode = "200", description = "The task, now unassigned")
  @ApiResponse(responseCode = "400", description = BAD_ID)
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  @ApiResponse(
      responseCode = "409",
      description = "Claimed by someone else, or the task is completed or vanished")
  TaskView unclaim(
      @Parameter(description = TASK_ID) @PathVariable long id,
      @AuthenticationPrincipal PartnerflowUser user) {
    inbox.unclaim(id, user);
    return list.task(id, user);
  }

  /** Whom an admin hands the task to; {@code null} for nobody. */
  record Assignment(String assignee) {}

  @PostMapping("/{id}/assign")
  @Operation(
      operationId = "assignTask",
      summary = "Assign a task to a user",
      description =
          """
          **Who:** admins (to everyone else the task is not found).

          `assignee` is a username, or `null` to leave the task to its candidates.""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @Content(examples = @ExampleObject(name = "carol", value = "{\"assignee\":\"carol\"}")))
  @ApiResponse(responseCode = "200", description = "The task with its new assignee")
  @ApiResponse(
      responseCode = "400",
      description = "`assignee` is blank or longer than 100, or `id` is not a number")
  @ApiResponse(responseCode = "404", description = "No such task, or the caller is no admin")
  @ApiResponse(responseCode = "409", description = "The task is completed or vanished")
  TaskView assign(
      @Parameter(description = TASK_ID) @PathVariable long id,
      @RequestBody Assignment assignment,
      @AuthenticationPrincipal PartnerflowUser user) {
    inbox.assign(id, assignment.assignee(), user);
    return list.task(id, user);
  }

  @PostMapping("/{id}/complete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  @Operation(
      operationId = "completeTask",
      summary = "Complete a task with its form's values",
      description =
          """
          **Who:** the assignee, or a candidate of an unclaimed task (which claims it).

          The body holds the values of the task's form by field key. They are validated again on \
          the server against the form (required, ranges, patterns, allowed values, conditions); \
          only the keys the form declares reach the process. Of two concurrent completions \
          exactly one wins.""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      description = "The form's values by field key",
      content =
          @Content(
              examples = {
                @ExampleObject(
                    name = "approve",
                    summary = "Approve an MDF request (form mdf-request-review)",
                    value = "{\"decision\":\"APPROVE\",\"reason\":\"Fits our Q4 plan\"}"),
                @ExampleObject(
                    name = "approveReduced",
                    summary = "Approve a reduced amount",
                    value =
                        "{\"decision\":\"APPROVE_REDUCED\",\"approvedAmount\":4000.00,"
                            + "\"reason\":\"Venue costs capped\"}")
              }))
  @ApiResponse(responseCode = "204", description = "Completed; the process goes on")
  @ApiResponse(
      responseCode = "400",
      description =
          "Invalid values: `errors[]` names each field (also keys the form does not declare), or"
              + " `id` is not a number")
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  @ApiResponse(
      responseCode = "409",
      description =
          "Already completed, vanished from its process, assigned to someone else, the caller is"
              + " no candidate, or the task's form is missing")
  @ApiResponse(
      responseCode = "503",
      description = "The process engine did not accept the completion; the task stays open")
  ResponseEntity<Void> complete(
      @Parameter(description = TASK_ID) @PathVariable long id,
      @RequestBody Map<String, Object> values,
      @AuthenticationPrincipal PartnerflowUser user) {
    completion.complete(id, values, user);
    return ResponseEntity.noContent().build();
  }
}
