package com.partnerflow.task;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Open tasks that cannot be worked because their form is missing, grouped by element: the report to
 * process owners, who fix the diagram or add the form.
 */
@Component
public class FormProblems {

  private final InboxTasks tasks;
  private final TaskForms forms;

  FormProblems(InboxTasks tasks, TaskForms forms) {
    this.tasks = tasks;
    this.forms = forms;
  }

  /** Oldest first; empty when every open task's form exists. */
  public List<FormProblem> open() {
    return tasks.findOpenWithFormKeyNotIn(forms.knownFormKeys());
  }
}
