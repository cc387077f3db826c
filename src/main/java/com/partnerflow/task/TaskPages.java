package com.partnerflow.task;

import com.partnerflow.common.ConflictException;
import com.partnerflow.engine.DeployedDefinition;
import com.partnerflow.engine.DeployedDefinitions;
import com.partnerflow.identity.PartnerflowUser;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task inbox pages: the task list with its tabs and filters, and one task with its form, claim
 * buttons and the case's history. Reads and changes go through {@link TaskList} and {@link
 * TaskInbox}; completing happens in the browser against the API (js/task-form.js).
 */
@Controller
class TaskPages {

  static final int PAGE_SIZE = 50;

  private final TaskList list;
  private final TaskInbox inbox;
  private final DeployedDefinitions deployed;
  private final TaskCases cases;

  TaskPages(TaskList list, TaskInbox inbox, DeployedDefinitions deployed, TaskCases cases) {
    this.list = list;
    this.inbox = inbox;
    this.deployed = deployed;
    this.cases = cases;
  }

  /** Which tab of the list: the user's own tasks or every task they may see. */
  enum View {
    MINE,
    GROUP;

    static View of(String value) {
      return "mine".equalsIgnoreCase(value) ? MINE : GROUP;
    }

    String param() {
      return name().toLowerCase();
    }

    String assignee() {
      return this == MINE ? "me" : null;
    }
  }

  @GetMapping("/tasks")
  String tasks(
      @RequestParam(required = false) String view,
      @RequestParam(required = false) String process,
      @RequestParam(defaultValue = "false") boolean overdue,
      @RequestParam(defaultValue = "0") int page,
      @RequestHeader(value = "HX-Request", required = false) String htmx,
      @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore,
      @AuthenticationPrincipal PartnerflowUser user,
      HttpServletResponse response,
      Model model) {
    View tab = View.of(view);
    String processId = process == null || process.isBlank() ? null : process.strip();
    int pageNo = Math.max(page, 0);
    Boolean overdueOnly = overdue ? Boolean.TRUE : null;

    TaskList.Result result =
        list.visibleTasks(
            new TaskList.Filter(
                tab.assignee(), null, processId, overdueOnly, pageNo, PAGE_SIZE, null),
            user);
    model.addAttribute("result", result);
    Map<Long, List<TaskCase>> casesOf = new HashMap<>();
    result.items().forEach(t -> casesOf.put(t.id(), cases.of(t.context(), user)));
    model.addAttribute("cases", casesOf);
    model.addAttribute("view", tab.param());
    model.addAttribute("process", processId);
    model.addAttribute("overdue", overdue);
    model.addAttribute("mineCount", count(View.MINE, processId, overdueOnly, user));
    model.addAttribute("groupCount", count(View.GROUP, processId, overdueOnly, user));
    model.addAttribute("overdueCount", count(tab, processId, Boolean.TRUE, user));
    model.addAttribute("processes", processes(processId));
    model.addAttribute("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
    // htmx swaps only the results; a history restore needs the whole page.
    boolean fragment = htmx != null && restore == null;
    response.addHeader("Vary", "HX-Request");
    return fragment ? "tasks/list :: results" : "tasks/list";
  }

  private long count(View tab, String processId, Boolean overdue, PartnerflowUser user) {
    return list.visibleTasks(
            new TaskList.Filter(tab.assignee(), null, processId, overdue, 0, 1, null), user)
        .total();
  }

  private List<String> processes(String selected) {
    TreeSet<String> ids = new TreeSet<>();
    deployed.ofKind("process").stream().map(DeployedDefinition::id).forEach(ids::add);
    if (selected != null) {
      ids.add(selected);
    }
    return List.copyOf(ids);
  }

  @GetMapping("/tasks/{id}")
  String task(@PathVariable long id, @AuthenticationPrincipal PartnerflowUser user, Model model) {
    TaskView task = list.task(id, user);
    model.addAttribute("task", task);
    model.addAttribute("cases", cases.of(task.context(), user));
    model.addAttribute("me", user.username());
    model.addAttribute("admin", user.isAdmin());
    return "tasks/task";
  }

  /**
   * Where the browser goes after completing a task (js/task-form.js): the user's next open task
   * (their own first, then their groups'), else the case the task was about, else the task list;
   * with a confirmation that names the completed task.
   */
  @GetMapping("/tasks/{id}/next")
  String next(
      @PathVariable long id,
      @AuthenticationPrincipal PartnerflowUser user,
      RedirectAttributes redirect) {
    TaskView done = list.task(id, user);
    Optional<TaskView> next =
        nextTask(View.MINE, id, user).or(() -> nextTask(View.GROUP, id, user));
    String confirmation = "Task “" + done.name() + "” completed.";
    if (next.isPresent()) {
      redirect.addFlashAttribute(
          "flash", confirmation + " Here is your next task: “" + next.get().name() + "”.");
      return "redirect:/tasks/" + next.get().id();
    }
    Optional<String> caseHref =
        cases.of(done.context(), user).stream()
            .map(TaskCase::href)
            .filter(Objects::nonNull)
            .findFirst();
    redirect.addFlashAttribute(
        "flash", confirmation + (caseHref.isPresent() ? " No other task is waiting for you." : ""));
    return "redirect:" + caseHref.orElse("/tasks");
  }

  private Optional<TaskView> nextTask(View tab, long completed, PartnerflowUser user) {
    return list
        .visibleTasks(new TaskList.Filter(tab.assignee(), null, null, null, 0, 2, null), user)
        .items()
        .stream()
        .filter(t -> t.id() != completed && "OPEN".equals(t.state()))
        .findFirst();
  }

  @PostMapping("/tasks/{id}/claim")
  String claim(
      @PathVariable long id,
      @AuthenticationPrincipal PartnerflowUser user,
      RedirectAttributes redirect) {
    try {
      inbox.claim(id, user);
      redirect.addFlashAttribute("flash", "You claimed this task.");
    } catch (ConflictException e) {
      redirect.addFlashAttribute("flashError", e.getMessage());
    }
    return "redirect:/tasks/" + id;
  }

  @PostMapping("/tasks/{id}/unclaim")
  String unclaim(
      @PathVariable long id,
      @AuthenticationPrincipal PartnerflowUser user,
      RedirectAttributes redirect) {
    try {
      inbox.unclaim(id, user);
      redirect.addFlashAttribute("flash", "The task is unclaimed again.");
    } catch (ConflictException e) {
      redirect.addFlashAttribute("flashError", e.getMessage());
    }
    return "redirect:/tasks/" + id;
  }
}
