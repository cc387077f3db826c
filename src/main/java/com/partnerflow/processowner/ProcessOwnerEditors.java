package com.partnerflow.processowner;

import static com.partnerflow.processowner.ProcessOwnerWorkspace.requireProcessOwner;

import com.partnerflow.common.NotFoundException;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.processowner.internal.BpmnElementDiff;
import com.partnerflow.processowner.internal.DefinitionRevisions;
import com.partnerflow.processowner.internal.DefinitionRevisions.Revision;
import com.partnerflow.processowner.internal.DmnRuleDiff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Editing in the browser and the history of changes: the pages that embed Camunda's modeling
 * distributions (camunda-bpmn-js, camunda-dmn-js, form-js editor), the files they open, and what
 * changed between two versions of a process (elements) or a decision (rules).
 */
@Controller
@Tag(name = "Process owners")
class ProcessOwnerEditors {

  /** The kinds that can be edited, by the path segment that names them. */
  private static final Map<String, String> KINDS =
      Map.of("processes", "process", "decisions", "decision", "forms", "form");

  private final DefinitionRevisions revisions;

  ProcessOwnerEditors(DefinitionRevisions revisions) {
    this.revisions = revisions;
  }

  /** A version as the history lists it, without its content. */
  record VersionSummary(int version, Instant deployedAt, String deployedBy, String resourceName) {

    static VersionSummary of(Revision r) {
      return new VersionSummary(r.version(), r.deployedAt(), r.deployedBy(), r.resourceName());
    }
  }

  /** The two versions to compare, from the query; both optional. */
  record VersionRange(
      @Parameter(description = "The older version; default the one before `to`") Integer from,
      @Parameter(description = "The newer version; default the newest") Integer to) {}

  /** What changed in a process between two versions. */
  record ProcessChanges(
      String bpmnProcessId,
      int from,
      int to,
      List<VersionSummary> versions,
      List<BpmnElementDiff.ElementChange> elements) {}

  /** What changed in a decision's table between two versions. */
  record DecisionChanges(
      String decisionId,
      int from,
      int to,
      List<VersionSummary> versions,
      DmnRuleDiff.TableDiff table) {}

  /** The editable definitions, to choose from. */
  @GetMapping("/process-owner/edit")
  String index(@AuthenticationPrincipal PartnerflowUser user, Model model) {
    requireProcessOwner(user);
    Map<String, Set<String>> ids = revisions.ids();
    model.addAttribute("processes", ids.get("process"));
    model.addAttribute("decisions", ids.get("decision"));
    model.addAttribute("forms", ids.get("form"));
    return "processowner/editors";
  }

  /** The editor of the newest version of a process, decision or form. */
  @GetMapping("/process-owner/edit/{kinds}/{id}")
  String editor(
      @PathVariable String kinds,
      @PathVariable String id,
      @AuthenticationPrincipal PartnerflowUser user,
      Model model) {
    requireProcessOwner(user);
    String kind = kind(kinds);
    Revision latest = latest(kind, id);
    model.addAttribute("kind", kind);
    model.addAttribute("kinds", kinds);
    model.addAttribute("revision", latest);
    return "processowner/editor";
  }

  /** What changed between two versions: elements of a process, rules of a decision. */
  @GetMapping("/process-owner/history/{kinds}/{id}")
  String history(
      @PathVariable String kinds,
      @PathVariable String id,
      VersionRange range,
      @AuthenticationPrincipal PartnerflowUser user,
      Model model) {
    requireProcessOwner(user);
    String kind = kind(kinds);
    model.addAttribute("kind", kind);
    model.addAttribute("kinds", kinds);
    model.addAttribute("id", id);
    switch (kind) {
      case "process" -> model.addAttribute("changes", processChanges(id, range));
      case "decision" -> model.addAttribute("changes", decisionChanges(id, range));
      default -> throw new NotFoundException("History of " + kind + " " + id);
    }
    return "processowner/changes";
  }

  @GetMapping(value = "/api/process-owner/decisions/{decisionId}/xml", produces = "application/xml")
  @ResponseBody
  @Operation(
      operationId = "getDecisionXml",
      summary = "Read the DMN file of a deployed decision's newest version",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          The file the newest version came from: from `bpmn/` at the service's start, or as a \
          process owner deployed it through `POST /api/deployments`.""")
  @ApiResponse(responseCode = "200", description = "The DMN XML")
  @ApiResponse(
      responseCode = "404",
      description = "No such deployed decision, or the caller is no process owner or admin")
  String decisionXml(
      @PathVariable String decisionId, @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return latest("decision", decisionId).content();
  }

  @GetMapping(
      value = "/api/process-owner/forms/{formId}/json",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(
      operationId = "getFormJson",
      summary = "Read the form file of a deployed form's newest version",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          The form JSON (Camunda Forms schema) the newest version came from: from `forms/` at \
          the service's start, or as a process owner deployed it.""")
  @ApiResponse(responseCode = "200", description = "The form JSON")
  @ApiResponse(
      responseCode = "404",
      description = "No such deployed form, or the caller is no process owner or admin")
  String formJson(@PathVariable String formId, @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return latest("form", formId).content();
  }

  @GetMapping(
      value = "/api/process-owner/processes/{bpmnProcessId}/versions/{version}/xml",
      produces = "application/xml")
  @ResponseBody
  @Operation(
      operationId = "getProcessVersionXml",
      summary = "Read the BPMN file of one version of a process",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          The file a version came from (`GET /api/processes/{bpmnProcessId}/versions` lists \
          them).""")
  @ApiResponse(responseCode = "200", description = "The BPMN XML")
  @ApiResponse(
      responseCode = "404",
      description = "No such process or version, or the caller is no process owner or admin")
  String processVersionXml(
      @PathVariable String bpmnProcessId,
      @PathVariable int version,
      @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return revisions
        .version("process", bpmnProcessId, version)
        .orElseThrow(
            () -> new NotFoundException("Version " + version + " of process " + bpmnProcessId))
        .content();
  }

  @GetMapping(
      value = "/api/process-owner/processes/{bpmnProcessId}/changes",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(
      operationId = "getProcessChanges",
      summary = "List the elements that changed between two versions of a process",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          Elements compared by id: `ADDED`, `REMOVED` or `CHANGED` (type, attributes, \
          documentation, extension elements such as task type or form key, or flows). Moving \
          shapes is no change. Without `from`/`to`: the newest version against the one before.""")
  @ApiResponse(responseCode = "200", description = "The changed elements")
  @ApiResponse(
      responseCode = "404",
      description = "No such process or version, or the caller is no process owner or admin")
  ProcessChanges processChangesApi(
      @PathVariable String bpmnProcessId,
      @ParameterObject VersionRange range,
      @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return processChanges(bpmnProcessId, range);
  }

  @GetMapping(
      value = "/api/process-owner/decisions/{decisionId}/changes",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(
      operationId = "getDecisionChanges",
      summary = "List the rules that changed between two versions of a decision",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          The decision table's rules compared by rule id: `ADDED`, `REMOVED`, `CHANGED` (an \
          input or output entry or the description) or `MOVED` (another position among the \
          other rules, which matters with hit policy FIRST), each with the row `before` and \
          `after`. Without `from`/`to`: the newest version against the one before.""")
  @ApiResponse(responseCode = "200", description = "The changed rules")
  @ApiResponse(
      responseCode = "404",
      description = "No such decision or version, or the caller is no process owner or admin")
  DecisionChanges decisionChangesApi(
      @PathVariable String decisionId,
      @ParameterObject VersionRange range,
      @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return decisionChanges(decisionId, range);
  }

  private ProcessChanges processChanges(String id, VersionRange range) {
    Pair pair = pair("process", id, range);
    return new ProcessChanges(
        id,
        pair.from().version(),
        pair.to().version(),
        pair.summaries(),
        BpmnElementDiff.diff(pair.from().content(), pair.to().content()));
  }

  private DecisionChanges decisionChanges(String id, VersionRange range) {
    Pair pair = pair("decision", id, range);
    return new DecisionChanges(
        id,
        pair.from().version(),
        pair.to().version(),
        pair.summaries(),
        DmnRuleDiff.diff(pair.from().content(), pair.to().content(), id));
  }

  private record Pair(Revision from, Revision to, List<VersionSummary> summaries) {}

  /** The two versions to compare: by default the newest and the one before it. */
  private Pair pair(String kind, String id, VersionRange range) {
    Integer from = range.from();
    Integer to = range.to();
    List<Revision> all = revisions.of(kind, id);
    if (all.isEmpty()) {
      throw new NotFoundException(kind + " " + id);
    }
    Revision newer = to == null ? all.getLast() : find(all, kind, id, to);
    Revision older;
    if (from != null) {
      older = find(all, kind, id, from);
    } else {
      int index = all.indexOf(newer);
      older = index > 0 ? all.get(index - 1) : newer;
    }
    return new Pair(older, newer, all.stream().map(VersionSummary::of).toList());
  }

  private static Revision find(List<Revision> all, String kind, String id, int version) {
    return all.stream()
        .filter(r -> r.version() == version)
        .findFirst()
        .orElseThrow(() -> new NotFoundException("Version " + version + " of " + kind + " " + id));
  }

  private Revision latest(String kind, String id) {
    return revisions
        .latest(kind, id)
        .orElseThrow(() -> new NotFoundException("Deployed " + kind + " " + id));
  }

  private static String kind(String kinds) {
    String kind = KINDS.get(kinds);
    if (kind == null) {
      throw new NotFoundException("Editor for " + kinds);
    }
    return kind;
  }
}
