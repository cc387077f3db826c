package com.partnerflow.processowner;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.engine.DeployedDefinitions;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.FormProblem;
import com.partnerflow.task.FormProblems;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The workspace page and its API, for process owners and admins; everyone else gets 404, as for a
 * page that does not exist.
 */
@Controller
class ProcessOwnerWorkspace {

  static final String PROCESS_OWNERS = "process-owners";

  private final DeployedDefinitions deployed;
  private final FormProblems formProblems;

  ProcessOwnerWorkspace(DeployedDefinitions deployed, FormProblems formProblems) {
    this.deployed = deployed;
    this.formProblems = formProblems;
  }

  /** One element's missing form, as the API answers it. */
  record FormProblemView(
      String formKey,
      String bpmnProcessId,
      String elementId,
      String taskName,
      long openTasks,
      Instant since,
      String problem) {

    static FormProblemView of(FormProblem p) {
      return new FormProblemView(
          p.formKey(),
          p.bpmnProcessId(),
          p.elementId(),
          p.taskName(),
          p.openTasks(),
          p.since(),
          p.problem());
    }
  }

  @GetMapping("/process-owner")
  String workspace(@AuthenticationPrincipal PartnerflowUser user, Model model) {
    requireProcessOwner(user);
    model.addAttribute("definitions", deployed.all());
    model.addAttribute("formProblems", formProblems.open());
    return "processowner/workspace";
  }

  @GetMapping(
      value = "/api/process-owner/form-problems",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  List<FormProblemView> formProblems(@AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return formProblems.open().stream().map(FormProblemView::of).toList();
  }

  private static void requireProcessOwner(PartnerflowUser user) {
    if (!user.inGroup(PROCESS_OWNERS) && !user.isAdmin()) {
      throw new NotFoundException("Process owner workspace");
    }
  }
}
