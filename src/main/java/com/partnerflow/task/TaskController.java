package com.partnerflow.task;

import com.partnerflow.identity.PartnerflowUser;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The task inbox API: list, read, claim, unclaim, assign and complete human tasks. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

  private final TaskList list;
  private final TaskInbox inbox;
  private final TaskCompletion completion;

  TaskController(TaskList list, TaskInbox inbox, TaskCompletion completion) {
    this.list = list;
    this.inbox = inbox;
    this.completion = completion;
  }

  @GetMapping
  TaskList.Result tasks(
      @RequestParam(required = false) String assignee,
      @RequestParam(required = false) String candidateGroup,
      @RequestParam(required = false) String processId,
      @RequestParam(required = false) Boolean overdue,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      @RequestParam(defaultValue = "dueDate") String sort,
      @AuthenticationPrincipal PartnerflowUser user) {
    return list.visibleTasks(
        new TaskList.Filter(assignee, candidateGroup, processId, overdue, page, size, sort), user);
  }

  @GetMapping("/{id}")
  TaskView task(@PathVariable long id, @AuthenticationPrincipal PartnerflowUser user) {
    return list.task(id, user);
  }

  @PostMapping("/{id}/claim")
  TaskView claim(@PathVariable long id, @AuthenticationPrincipal PartnerflowUser user) {
    inbox.claim(id, user);
    return list.task(id, user);
  }

  @PostMapping("/{id}/unclaim")
  TaskView unclaim(@PathVariable long id, @AuthenticationPrincipal PartnerflowUser user) {
    inbox.unclaim(id, user);
    return list.task(id, user);
  }

  record Assignment(String assignee) {}

  @PostMapping("/{id}/assign")
  TaskView assign(
      @PathVariable long id,
      @RequestBody Assignment assignment,
      @AuthenticationPrincipal PartnerflowUser user) {
    inbox.assign(id, assignment.assignee(), user);
    return list.task(id, user);
  }

  @PostMapping("/{id}/complete")
  ResponseEntity<Void> complete(
      @PathVariable long id,
      @RequestBody Map<String, Object> values,
      @AuthenticationPrincipal PartnerflowUser user) {
    completion.complete(id, values, user);
    return ResponseEntity.noContent().build();
  }
}
