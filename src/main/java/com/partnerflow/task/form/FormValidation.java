package com.partnerflow.task.form;

import com.partnerflow.common.FieldProblem;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of checking a submission.
 *
 * @param accepted the declared, writable values, normalised and nested as the form's keys and paths
 *     say; only to be handed to the engine when {@link #isValid()}
 * @param problems why the submission is refused, empty when it is fine
 */
public record FormValidation(Map<String, Object> accepted, List<FieldProblem> problems) {

  public FormValidation {
    accepted = Collections.unmodifiableMap(new LinkedHashMap<>(accepted));
    problems = List.copyOf(problems);
  }

  public boolean isValid() {
    return problems.isEmpty();
  }
}
