package com.partnerflow.processowner;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.engine.DeployedDefinition;
import com.partnerflow.engine.DeployedDefinitions;
import com.partnerflow.engine.StuckInstance;
import com.partnerflow.engine.StuckInstances;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.FormProblem;
import com.partnerflow.task.FormProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
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
  private final ObjectProvider<StuckInstances> stuckInstances;
  private final Incidents incidents;
  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  ProcessOwnerWorkspace(
      DeployedDefinitions deployed,
      FormProblems formProblems,
      ObjectProvider<StuckInstances> stuckInstances,
      Incidents incidents) {
    this.deployed = deployed;
    this.formProblems = formProblems;
    this.stuckInstances = stuckInstances;
    this.incidents = incidents;
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
  String workspace(
      @AuthenticationPrincipal PartnerflowUser user,
      @RequestParam(required = false) Long retried,
      Model model) {
    requireProcessOwner(user);
    model.addAttribute("retried", retried);
    try {
      model.addAttribute("incidents", incidents.open());
    } catch (RuntimeException e) {
      // A cluster without secondary storage has no incident search; the rest of the page still
      // works.
      model.addAttribute("incidents", List.of());
      model.addAttribute(
          "incidentsProblem", "The engine's incident search is unavailable: " + e.getMessage());
    }
    model.addAttribute("definitions", deployed.all());
    model.addAttribute("formProblems", formProblems.open());
    StuckInstances watch = stuckInstances.getIfAvailable();
    model.addAttribute("stuckWatched", watch != null);
    model.addAttribute("stuckInstances", watch == null ? List.of() : watch.current());
    return "processowner/workspace";
  }

  /**
   * Instances the embedded engine stopped advancing (process, element, error, since when); {@code
   * 404} on a cluster, which reports them through its own tools.
   */
  @GetMapping(
      value = "/api/process-owner/stuck-instances",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Tag(name = "Process owners")
  @Operation(
      operationId = "listStuckInstances",
      summary = "List the instances the embedded engine stopped advancing",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          Oldest first; `processInstanceKey` is `-1` for an instance the engine could not \
          create, `elementId` `null` when the engine's records do not tell.""")
  @ApiResponse(responseCode = "200", description = "The stuck instances, oldest first")
  @ApiResponse(
      responseCode = "404",
      description =
          "The caller is no process owner or admin, or the service runs on a cluster (which"
              + " reports stuck instances through its own tools)")
  List<StuckInstance> stuckInstances(@AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    StuckInstances watch = stuckInstances.getIfAvailable();
    if (watch == null) {
      throw new NotFoundException("Stuck instances (watched in the embedded mode only)");
    }
    return watch.current();
  }

  @GetMapping(
      value = "/api/process-owner/form-problems",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Tag(name = "Process owners")
  @Operation(
      operationId = "listFormProblems",
      summary = "List the user tasks that wait for a missing form",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          Per element: the form key, the process, how many tasks wait and since when.""")
  @ApiResponse(responseCode = "200", description = "The elements whose tasks wait for a form")
  @ApiResponse(responseCode = "404", description = "The caller is no process owner or admin")
  List<FormProblemView> formProblems(@AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return formProblems.open().stream().map(FormProblemView::of).toList();
  }

  /** A deployed process's diagram, shown with bpmn-js. */
  @GetMapping("/process-owner/processes/{bpmnProcessId}")
  String diagram(
      @PathVariable String bpmnProcessId,
      @AuthenticationPrincipal PartnerflowUser user,
      Model model) {
    requireProcessOwner(user);
    model.addAttribute("definition", deployedProcess(bpmnProcessId));
    return "processowner/diagram";
  }

  /** The BPMN XML of a deployed process, as the service deployed it from {@code bpmn/}. */
  @GetMapping(
      value = "/api/process-owner/processes/{bpmnProcessId}/xml",
      produces = "application/xml")
  @ResponseBody
  @Tag(name = "Process owners")
  @Operation(
      operationId = "getProcessXml",
      summary = "Read the BPMN XML of a deployed process",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          The file as the service deployed it from `bpmn/`.""")
  @ApiResponse(responseCode = "200", description = "The BPMN XML")
  @ApiResponse(
      responseCode = "404",
      description = "No such deployed process, or the caller is no process owner or admin")
  String diagramXml(
      @PathVariable String bpmnProcessId, @AuthenticationPrincipal PartnerflowUser user)
      throws IOException {
    requireProcessOwner(user);
    DeployedDefinition definition = deployedProcess(bpmnProcessId);
    Resource[] files = resolver.getResources("classpath*:bpmn/**/" + definition.resourceName());
    if (files.length == 0) {
      throw new NotFoundException("Diagram of process " + bpmnProcessId);
    }
    return files[0].getContentAsString(StandardCharsets.UTF_8);
  }

  private DeployedDefinition deployedProcess(String bpmnProcessId) {
    return deployed
        .process(bpmnProcessId)
        .orElseThrow(() -> new NotFoundException("Process " + bpmnProcessId));
  }

  static void requireProcessOwner(PartnerflowUser user) {
    if (!user.inGroup(PROCESS_OWNERS) && !user.isAdmin()) {
      throw new NotFoundException("Process owner workspace");
    }
  }
}
