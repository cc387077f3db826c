package com.partnerflow.task;

import com.partnerflow.common.FieldProblem;
import java.util.List;
import java.util.Map;

/**
 * A business rule another module adds to the completion of tasks, checked after the form's own
 * validation and before anything is written or sent to the engine: a refusal is the same {@code
 * 400} problem naming each field, and the task stays open. Used where the form alone cannot know
 * the limit (an amount that must not exceed what is left of an approved share, an invoice number
 * already used).
 */
public interface CompletionRule {

  /**
   * The problems of the submitted values; empty when the task may complete.
   *
   * @param task the task being completed (its form key, context and process)
   * @param values the values the form accepted (only its declared keys)
   */
  List<FieldProblem> check(InboxTask task, Map<String, Object> values);
}
