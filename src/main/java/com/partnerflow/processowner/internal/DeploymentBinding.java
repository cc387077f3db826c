package com.partnerflow.processowner.internal;

import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeBindingType;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Completes a deployment for Zeebe's {@code bindingType="deployment"}: a business rule task or call
 * activity bound to its deployment evaluates or starts only what was deployed together with its
 * process, and the engine refuses a process whose bound decisions and processes are missing from
 * the deployment. So the deployed version of every file the uploaded processes call that way is
 * added; and a process that calls an uploaded decision or process that way is added too, so that
 * its new instances use the new version while its running instances keep theirs.
 */
public final class DeploymentBinding {

  static final String RULE = "deployment-binding";

  private DeploymentBinding() {}

  /**
   * The uploaded resources plus the deployed ones they need; {@code notes} receives one {@code
   * info} finding per added file.
   *
   * @param deployed the files deployed now (the latest version of each file name), read only when
   *     an uploaded file is bound to or by another
   */
  public static List<ParsedResource> complete(
      List<ParsedResource> uploaded, Supplier<List<ParsedResource>> deployed, List<Finding> notes) {
    Map<String, ParsedResource> included = new LinkedHashMap<>();
    uploaded.forEach(r -> included.put(r.name(), r));
    Set<String> uploadedIds = new LinkedHashSet<>();
    uploaded.forEach(r -> uploadedIds.addAll(ids(r)));
    if (uploaded.stream().allMatch(r -> r instanceof ParsedResource.Form)) {
      return uploaded;
    }
    List<ParsedResource> available = deployed.get();
    for (ParsedResource caller : available) {
      if (included.containsKey(caller.name())) {
        continue;
      }
      List<String> calls =
          boundCallees(caller).stream().filter(uploadedIds::contains).distinct().toList();
      if (!calls.isEmpty()) {
        included.put(caller.name(), caller);
        notes.add(
            Finding.info(
                caller.name(),
                null,
                RULE,
                "Added the deployed "
                    + caller.name()
                    + ": it calls "
                    + String.join(", ", calls)
                    + " bound to its deployment, so its new instances use this deployment's"
                    + " version while its running instances keep theirs"));
      }
    }
    Deque<ParsedResource> open = new ArrayDeque<>(included.values());
    while (!open.isEmpty()) {
      ParsedResource resource = open.pop();
      for (String callee : boundCallees(resource)) {
        if (included.values().stream().anyMatch(r -> ids(r).contains(callee))) {
          continue;
        }
        available.stream()
            .filter(r -> !included.containsKey(r.name()) && ids(r).contains(callee))
            .findFirst()
            .ifPresent(
                r -> {
                  included.put(r.name(), r);
                  open.push(r);
                  notes.add(
                      Finding.info(
                          r.name(),
                          null,
                          RULE,
                          "Added the deployed "
                              + r.name()
                              + ": "
                              + resource.name()
                              + " calls "
                              + callee
                              + " bound to its deployment, which must hold it"));
                });
      }
    }
    return new ArrayList<>(included.values());
  }

  /** The process and decision ids a file defines. */
  static Set<String> ids(ParsedResource resource) {
    return switch (resource) {
      case ParsedResource.Bpmn b ->
          new LinkedHashSet<>(
              b.model().getModelElementsByType(Process.class).stream()
                  .map(Process::getId)
                  .toList());
      case ParsedResource.Dmn d -> new LinkedHashSet<>(d.decisionIds());
      case ParsedResource.Form f -> Set.of();
    };
  }

  /** The decisions and processes a diagram calls bound to its deployment (static ids only). */
  static List<String> boundCallees(ParsedResource resource) {
    if (!(resource instanceof ParsedResource.Bpmn bpmn)) {
      return List.of();
    }
    List<String> callees = new ArrayList<>();
    for (ZeebeCalledDecision d : bpmn.model().getModelElementsByType(ZeebeCalledDecision.class)) {
      if (d.getBindingType() == ZeebeBindingType.deployment && isStatic(d.getDecisionId())) {
        callees.add(d.getDecisionId());
      }
    }
    for (ZeebeCalledElement e : bpmn.model().getModelElementsByType(ZeebeCalledElement.class)) {
      if (e.getBindingType() == ZeebeBindingType.deployment && isStatic(e.getProcessId())) {
        callees.add(e.getProcessId());
      }
    }
    return callees.stream().distinct().toList();
  }

  private static boolean isStatic(String id) {
    return id != null && !id.isBlank() && !id.startsWith("=");
  }
}
