package com.partnerflow.processowner;

import static com.partnerflow.processowner.ProcessOwnerWorkspace.requireProcessOwner;

import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.identity.PartnerflowUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Process instance migration for process owners and admins: a proposed mapping of element ids, the
 * migration itself with its outcome per instance, and the page to edit the mapping and confirm.
 */
@Controller
@Tag(name = "Process owners")
class MigrationController {

  private final ProcessMigration migration;

  MigrationController(ProcessMigration migration) {
    this.migration = migration;
  }

  @GetMapping(
      value = "/api/process-instances/migration/proposal",
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(
      operationId = "proposeMigration",
      summary = "Propose the element mapping from one process version to another",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          `mappings` maps every element of the source version (start and end events aside) to \
          the element of the target version with the same id and type; `unmapped` lists the \
          source's other elements (map them by hand, or an instance waiting there cannot be \
          migrated); `targetElements` lists what the target offers; `runningInstances` the keys \
          of the source's running instances (embedded mode; `null` on a cluster). Both versions \
          must have been deployed at this service's start or through it.""")
  @ApiResponse(responseCode = "200", description = "The proposal")
  @ApiResponse(
      responseCode = "400",
      description =
          "`sourceProcessDefinitionKey` or `targetProcessDefinitionKey` missing or no number")
  @ApiResponse(
      responseCode = "404",
      description =
          "A version the service does not know, or the caller is no process owner or admin")
  ProcessMigration.Proposal proposal(
      @RequestParam long sourceProcessDefinitionKey,
      @RequestParam long targetProcessDefinitionKey,
      @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return migration.propose(sourceProcessDefinitionKey, targetProcessDefinitionKey);
  }

  @PostMapping(
      value = "/api/process-instances/migration",
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseBody
  @Operation(
      operationId = "migrateProcessInstances",
      summary = "Migrate running instances to another process version",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          `{sourceProcessDefinitionKey, targetProcessDefinitionKey, mappings:[{source, target}], \
          processInstanceKeys:[…]}`: each instance is migrated on its own with Zeebe's process \
          instance migration and these mapping instructions. Answers per instance `{key, \
          migrated, error}`, with the engine's refusal as `error` (e.g. an active element without \
          a mapping). In the embedded mode an instance that is not a running instance of the \
          source is not sent to the engine.""")
  @ApiResponse(responseCode = "200", description = "The outcome per instance, in request order")
  @ApiResponse(
      responseCode = "400",
      description =
          "A key missing, source equal to target, no or an incomplete mapping, no instance")
  @ApiResponse(responseCode = "404", description = "The caller is no process owner or admin")
  List<ProcessMigration.Outcome> migrate(
      @RequestBody ProcessMigration.Request request,
      @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return migration.migrate(request);
  }

  /** The page: choose the versions, edit the proposed mapping, pick the instances. */
  @GetMapping("/process-owner/migration")
  String page(
      @RequestParam(required = false) Long source,
      @RequestParam(required = false) Long target,
      @AuthenticationPrincipal PartnerflowUser user,
      Model model) {
    requireProcessOwner(user);
    if (source != null && target != null) {
      model.addAttribute("proposal", migration.propose(source, target));
    }
    return "processowner/migration";
  }

  /** The page's confirmation: mapping rows with an empty target are left out. */
  @PostMapping("/process-owner/migration")
  String confirm(
      @RequestParam long source,
      @RequestParam long target,
      @RequestParam(name = "mappingSource", required = false) List<String> sources,
      @RequestParam(name = "mappingTarget", required = false) List<String> targets,
      @RequestParam(name = "instance", required = false) List<Long> instanceKeys,
      @AuthenticationPrincipal PartnerflowUser user,
      Model model) {
    requireProcessOwner(user);
    List<ProcessMigration.Mapping> mappings = new ArrayList<>();
    for (int i = 0; sources != null && targets != null && i < sources.size(); i++) {
      if (i < targets.size() && !targets.get(i).isBlank()) {
        mappings.add(new ProcessMigration.Mapping(sources.get(i), targets.get(i).trim()));
      }
    }
    model.addAttribute("proposal", migration.propose(source, target));
    try {
      model.addAttribute(
          "outcomes",
          migration.migrate(
              new ProcessMigration.Request(
                  source, target, mappings, instanceKeys == null ? List.of() : instanceKeys)));
    } catch (InvalidRequestException e) {
      model.addAttribute(
          "problems", e.problems().stream().map(p -> p.field() + ": " + p.message()).toList());
    }
    return "processowner/migration";
  }
}
