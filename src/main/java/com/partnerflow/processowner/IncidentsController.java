package com.partnerflow.processowner;

import static com.partnerflow.processowner.ProcessOwnerWorkspace.requireProcessOwner;

import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.processowner.internal.OpenIncidents.Incident;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** Incidents for process owners and admins: the list, and a retry after the cause is fixed. */
@Controller
@Tag(name = "Process owners")
class IncidentsController {

  private final Incidents incidents;

  IncidentsController(Incidents incidents) {
    this.incidents = incidents;
  }

  @GetMapping(value = "/api/process-owner/incidents", produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(
      operationId = "listIncidents",
      summary = "List the open incidents: jobs whose retries ran out and other failed steps",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          Oldest first: `incidentKey`, the case (`processInstanceKey`, `subject` such as \
          `mdfRequestId=…` when the process has one), `bpmnProcessId`, `processDefinitionKey`, \
          `elementId`, `errorType`, `errorMessage`, `jobKey` and `jobType` (for a job's incident), \
          `since`. In the embedded mode read from the engine's records; on a cluster from its \
          incident search (`/v2/incidents/search`, which needs the cluster's secondary storage), \
          without `jobType` and `subject`.""")
  @ApiResponse(responseCode = "200", description = "The open incidents, oldest first")
  @ApiResponse(responseCode = "404", description = "The caller is no process owner or admin")
  List<Incident> list(@AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return incidents.open();
  }

  @PostMapping(
      value = "/api/process-owner/incidents/{incidentKey}/retry",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(
      operationId = "retryIncident",
      summary = "Retry an incident after its cause is fixed",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          Gives the incident's job 3 retries and resolves the incident (the Camunda client's \
          update-retries and resolve-incident commands), so the engine runs the step again; an \
          incident of no job (e.g. a failed expression) is only resolved. Answers the incident \
          as it was.""")
  @ApiResponse(responseCode = "200", description = "Retried: the incident as it was")
  @ApiResponse(
      responseCode = "404",
      description = "No such open incident, or the caller is no process owner or admin")
  @ApiResponse(
      responseCode = "409",
      description = "The engine refused (e.g. the incident was resolved meanwhile)")
  Incident retry(@PathVariable long incidentKey, @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return incidents.retry(incidentKey, user.username());
  }

  /** The workspace's retry button. */
  @PostMapping("/process-owner/incidents/{incidentKey}/retry")
  String retryFromPage(
      @PathVariable long incidentKey, @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    incidents.retry(incidentKey, user.username());
    return "redirect:/process-owner?retried=" + incidentKey + "#incidents";
  }
}
