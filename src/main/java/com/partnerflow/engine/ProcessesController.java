package com.partnerflow.engine;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the process definitions this service deployed, for people and monitoring alike. */
@RestController
@Tag(name = "Processes", description = "What the service deployed to the engine")
class ProcessesController {

  private final DeployedDefinitions deployed;

  ProcessesController(DeployedDefinitions deployed) {
    this.deployed = deployed;
  }

  record ProcessDefinitionView(
      String bpmnProcessId, int version, long processDefinitionKey, String resourceName) {}

  @GetMapping("/api/processes")
  @Operation(
      operationId = "listProcesses",
      summary = "List the deployed processes",
      description =
          """
          **Who:** any signed-in user.

          Each process deployed from `bpmn/` with its engine version and definition key.""")
  List<ProcessDefinitionView> processes() {
    return deployed.ofKind("process").stream()
        .map(d -> new ProcessDefinitionView(d.id(), d.version(), d.key(), d.resourceName()))
        .toList();
  }
}
