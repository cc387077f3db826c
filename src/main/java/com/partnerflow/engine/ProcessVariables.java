package com.partnerflow.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables this service hands to a process from outside the diagram: those it starts an
 * instance with, and those of the messages it publishes. A module that starts a process or
 * publishes its messages declares them as a bean, for the process owners' compatibility check.
 *
 * @param bpmnProcessId the process (a process started by a call activity declares what the calling
 *     element passes)
 * @param start every variable a new instance may start with
 * @param messages per message name, the variables the message carries
 */
public record ProcessVariables(
    String bpmnProcessId, Set<String> start, Map<String, Set<String>> messages) {

  public ProcessVariables {
    start = Set.copyOf(start);
    messages = Map.copyOf(messages);
  }

  public static ProcessVariables startedWith(String bpmnProcessId, String... start) {
    return new ProcessVariables(bpmnProcessId, Set.of(start), Map.of());
  }

  /**
   * The variables of a new instance, after checking that each is declared: the starting code keeps
   * the declaration true that the compatibility check relies on.
   */
  public <V> Map<String, V> checked(Map<String, V> variables) {
    return refuseUndeclared(start, variables, bpmnProcessId + " is started");
  }

  /** The variables of a message this service publishes, after checking each is declared. */
  public <V> Map<String, V> checkedMessage(String name, Map<String, V> variables) {
    return refuseUndeclared(
        messages.getOrDefault(name, Set.of()), variables, "The message " + name + " is published");
  }

  private static <V> Map<String, V> refuseUndeclared(
      Set<String> declared, Map<String, V> variables, String what) {
    var undeclared =
        variables.keySet().stream().filter(v -> !declared.contains(v)).sorted().toList();
    if (!undeclared.isEmpty()) {
      throw new IllegalStateException(what + " with the undeclared variables " + undeclared);
    }
    return variables;
  }

  /** The same, and a message this service publishes with these variables. */
  public ProcessVariables withMessage(String name, String... variables) {
    Map<String, Set<String>> all = new HashMap<>(messages);
    all.put(name, Set.of(variables));
    return new ProcessVariables(bpmnProcessId, start, all);
  }
}
