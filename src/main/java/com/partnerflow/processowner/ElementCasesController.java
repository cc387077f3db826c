package com.partnerflow.processowner;

import static com.partnerflow.processowner.ProcessOwnerWorkspace.requireProcessOwner;

import com.partnerflow.identity.PartnerflowUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Per element of a process's diagram: how many cases wait there, and which. */
@RestController
@Tag(name = "Process owners")
class ElementCasesController {

  private final ElementCases cases;

  ElementCasesController(ElementCases cases) {
    this.cases = cases;
  }

  @GetMapping(
      value = "/api/process-owner/processes/{bpmnProcessId}/elements",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "countCasesPerElement",
      summary = "Count the open user tasks and incidents per element of a process",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          `[{elementId, openTasks, incidents}]` over every version of the process, only elements \
          where something waits (none for an unknown process); the diagram page overlays           them.""")
  @ApiResponse(responseCode = "200", description = "The elements where cases wait")
  @ApiResponse(responseCode = "404", description = "The caller is no process owner or admin")
  List<ElementCases.ElementCount> counts(
      @PathVariable String bpmnProcessId, @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return cases.counts(bpmnProcessId);
  }

  @GetMapping(
      value = "/api/process-owner/processes/{bpmnProcessId}/elements/{elementId}/cases",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "listCasesAtElement",
      summary = "List the cases waiting at an element of a process",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          Oldest first: `{processInstanceKey, kind, taskId, incidentKey, detail, since}` with \
          `kind` `task` (an open user task; `detail` names who may work it) or `incident` \
          (`detail` is the error; retry it with \
          `POST /api/process-owner/incidents/{incidentKey}/retry`).""")
  @ApiResponse(responseCode = "200", description = "The waiting cases, oldest first")
  @ApiResponse(responseCode = "404", description = "The caller is no process owner or admin")
  List<ElementCases.WaitingCase> waiting(
      @PathVariable String bpmnProcessId,
      @PathVariable String elementId,
      @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return cases.waitingAt(bpmnProcessId, elementId);
  }
}
