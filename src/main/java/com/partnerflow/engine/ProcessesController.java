package com.partnerflow.engine;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Lists the process definitions this service deployed, for people and monitoring alike. */
@RestController
class ProcessesController {

  private final DeployedDefinitions deployed;

  ProcessesController(DeployedDefinitions deployed) {
    this.deployed = deployed;
  }

  record ProcessDefinitionView(
      String bpmnProcessId, int version, long processDefinitionKey, String resourceName) {}

  @GetMapping("/api/processes")
  List<ProcessDefinitionView> processes() {
    return deployed.ofKind("process").stream()
        .map(d -> new ProcessDefinitionView(d.id(), d.version(), d.key(), d.resourceName()))
        .toList();
  }
}
