package com.partnerflow.engine;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The names process owners gave to BPMN elements, read from the deployed files of {@code bpmn/}, so
 * people see "Review MDF request" rather than {@code ReviewMdfRequestTask}.
 */
@Component
public class ElementNames {

  private final DeployedDefinitions deployed;
  private final Map<String, Map<String, String>> namesByProcess = new ConcurrentHashMap<>();

  ElementNames(DeployedDefinitions deployed) {
    this.deployed = deployed;
  }

  /** The element's name, or its id when it has none or the process is not one of ours. */
  public String nameOf(String bpmnProcessId, String elementId) {
    String name = namesByProcess.computeIfAbsent(bpmnProcessId, this::read).get(elementId);
    return name == null || name.isBlank() ? elementId : name;
  }

  private Map<String, String> read(String bpmnProcessId) {
    return deployed.process(bpmnProcessId).map(d -> parse(d.resourceName())).orElseGet(Map::of);
  }

  private static Map<String, String> parse(String resourceName) {
    try {
      Resource[] found =
          new PathMatchingResourcePatternResolver()
              .getResources("classpath*:bpmn/**/" + resourceName);
      if (found.length == 0) {
        return Map.of();
      }
      try (InputStream in = found[0].getInputStream()) {
        BpmnModelInstance model = Bpmn.readModelFromStream(in);
        return model.getModelElementsByType(FlowElement.class).stream()
            .filter(e -> e.getName() != null)
            .collect(Collectors.toMap(FlowElement::getId, FlowElement::getName, (a, b) -> a));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
