package com.partnerflow.processowner.internal;

import com.partnerflow.task.form.FormSchema;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What the variable flow of a diagram can rely on besides the diagram itself.
 *
 * @param workers per job type, what its worker requires and produces
 * @param processStarts per process id, the variables this service starts it with (or the calling
 *     activities pass)
 * @param messages per message name, the variables this service publishes it with
 * @param formVariables per form key of {@code forms/}, what a completed task hands on
 * @param decisionInputs per decision id, the variables the decision reads
 */
public record VariableContracts(
    Map<String, WorkerContract> workers,
    Map<String, Set<String>> processStarts,
    Map<String, Set<String>> messages,
    Function<String, Optional<Set<String>>> formVariables,
    Map<String, Set<String>> decisionInputs) {

  /** Nothing declared: every variable flow is unknown, so nothing is checked. */
  public static VariableContracts unknown() {
    return new VariableContracts(Map.of(), Map.of(), Map.of(), key -> Optional.empty(), Map.of());
  }

  /**
   * The same, with the forms and decisions of a deployment: a form comes from {@code forms/} when
   * it is there (the inbox shows those), a decision from the deployment (it replaces the deployed
   * one).
   */
  VariableContracts with(Iterable<ParsedResource> upload) {
    Map<String, Set<String>> uploadedForms = new HashMap<>();
    Map<String, Set<String>> decisions = new HashMap<>(decisionInputs);
    for (ParsedResource resource : upload) {
      switch (resource) {
        case ParsedResource.Form form -> {
          try {
            uploadedForms.put(
                form.formId(),
                FormSchema.parse(new String(form.content(), StandardCharsets.UTF_8))
                    .submittedVariables());
          } catch (RuntimeException e) {
            // A form the schema reader cannot read is reported by its own check.
          }
        }
        case ParsedResource.Dmn dmn -> decisions.putAll(DecisionInputs.of(dmn.content()));
        case ParsedResource.Bpmn bpmn -> {}
      }
    }
    Function<String, Optional<Set<String>>> forms =
        key -> formVariables.apply(key).or(() -> Optional.ofNullable(uploadedForms.get(key)));
    return new VariableContracts(workers, processStarts, messages, forms, decisions);
  }
}
