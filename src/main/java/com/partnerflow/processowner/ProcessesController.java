package com.partnerflow.processowner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.engine.DeployedDefinitions;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.processowner.internal.DeployedVersion;
import com.partnerflow.processowner.internal.DeploymentRecords;
import com.partnerflow.processowner.internal.InstanceCounts;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deployed processes and their versions: those of {@code bpmn/} deployed at startup and those
 * process owners deployed through the service, with the instances counted per version.
 */
@RestController
@Tag(name = "Processes", description = "What the service deployed to the engine")
class ProcessesController {

  /** Who deployed the versions of {@code bpmn/}: the service itself, at its start. */
  static final String STARTUP_DEPLOYER = "service start (bpmn/)";

  private final DeployedDefinitions startup;
  private final DeploymentRecords history;
  private final InstanceCounts counts;

  ProcessesController(
      DeployedDefinitions startup, DeploymentRecords history, InstanceCounts counts) {
    this.startup = startup;
    this.history = history;
    this.counts = counts;
  }

  /**
   * A process with its latest version's fields (as before) and, for process owners and admins,
   * every version.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ProcessDefinitionView(
      String bpmnProcessId,
      int version,
      long processDefinitionKey,
      String resourceName,
      List<VersionView> versions) {}

  /**
   * One version. The counts are {@code null} where the service cannot see the engine's records (on
   * a cluster).
   */
  record VersionView(
      int version,
      long processDefinitionKey,
      Instant deployedAt,
      String deployedBy,
      String resourceName,
      Long running,
      Long completed,
      Long incidents) {}

  @GetMapping(value = "/api/processes", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "listProcesses",
      summary = "List the deployed processes",
      description =
          """
          **Who:** any signed-in user; `versions` only for process owners and admins.

          Each process with its latest engine version and definition key, and every version the \
          service knows: deployed from `bpmn/` at startup or through `POST /api/deployments`, \
          with when, by whom, and the instances running, completed and with open incidents \
          (see `GET /api/processes/{bpmnProcessId}/versions`).""")
  @ApiResponse(responseCode = "200", description = "The deployed processes")
  List<ProcessDefinitionView> processes(@AuthenticationPrincipal PartnerflowUser user) {
    boolean owner = user.inGroup(ProcessOwnerWorkspace.PROCESS_OWNERS) || user.isAdmin();
    return versionsById().entrySet().stream()
        .map(
            e -> {
              VersionView latest = e.getValue().getLast();
              return new ProcessDefinitionView(
                  e.getKey(),
                  latest.version(),
                  latest.processDefinitionKey(),
                  latest.resourceName(),
                  owner ? e.getValue() : null);
            })
        .toList();
  }

  @GetMapping(
      value = "/api/processes/{bpmnProcessId}/versions",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "listProcessVersions",
      summary = "List every version of a process with its instances",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          Oldest version first. `running`, `completed` and `incidents` (open ones) are counted \
          from the embedded engine's records since it started; on a cluster they are `null`. \
          `completed` leaves out cancelled instances.""")
  @ApiResponse(responseCode = "200", description = "The versions, oldest first")
  @ApiResponse(
      responseCode = "404",
      description = "No such process, or the caller is no process owner or admin")
  List<VersionView> versions(
      @PathVariable String bpmnProcessId, @AuthenticationPrincipal PartnerflowUser user) {
    ProcessOwnerWorkspace.requireProcessOwner(user);
    List<VersionView> versions = versionsById().get(bpmnProcessId);
    if (versions == null) {
      throw new NotFoundException("Process " + bpmnProcessId);
    }
    return versions;
  }

  /** Every known version per process, merged by definition key (the earliest deployment wins). */
  private Map<String, List<VersionView>> versionsById() {
    List<DeployedVersion> all = new ArrayList<>();
    startup
        .ofKind("process")
        .forEach(
            d ->
                all.add(
                    new DeployedVersion(
                        d.kind(),
                        d.id(),
                        d.version(),
                        d.key(),
                        d.resourceName(),
                        startup.deployedAt(),
                        STARTUP_DEPLOYER)));
    history.deployedVersions().stream().filter(v -> v.kind().equals("process")).forEach(all::add);
    Map<String, Map<Long, DeployedVersion>> byId = new TreeMap<>();
    for (DeployedVersion v : all) {
      byId.computeIfAbsent(v.definitionId(), k -> new LinkedHashMap<>())
          .merge(v.definitionKey(), v, ProcessesController::earlier);
    }
    Map<String, List<VersionView>> result = new LinkedHashMap<>();
    byId.forEach(
        (id, versions) ->
            result.put(
                id,
                versions.values().stream()
                    .sorted(Comparator.comparingInt(DeployedVersion::version))
                    .map(this::view)
                    .toList()));
    return result;
  }

  private static DeployedVersion earlier(DeployedVersion a, DeployedVersion b) {
    if (a.deployedAt() == null) {
      return b;
    }
    return b.deployedAt() != null && b.deployedAt().isBefore(a.deployedAt()) ? b : a;
  }

  private VersionView view(DeployedVersion v) {
    var c = counts.of(v.definitionKey());
    return new VersionView(
        v.version(),
        v.definitionKey(),
        v.deployedAt(),
        v.deployedBy(),
        v.resourceName(),
        c.map(x -> x.running()).orElse(null),
        c.map(x -> x.completed()).orElse(null),
        c.map(x -> x.incidents()).orElse(null));
  }
}
