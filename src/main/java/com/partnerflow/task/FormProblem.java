package com.partnerflow.task;

import java.time.Instant;

/**
 * Open tasks of one user task whose form key names no file in {@code forms/}: what a process owner
 * needs to find the element in Camunda Modeler and fix it.
 *
 * @param formKey the form key the element declares
 * @param bpmnProcessId the process that has the element
 * @param elementId the user task's id in the diagram
 * @param taskName the user task's name
 * @param openTasks how many open tasks wait on the missing form
 * @param since when the oldest of them arrived
 */
public record FormProblem(
    String formKey,
    String bpmnProcessId,
    String elementId,
    String taskName,
    long openTasks,
    Instant since) {

  /** The same words everywhere the problem is shown: task list, task page, workspace. */
  static String missing(String formKey) {
    return "Form '" + formKey + "' is not in forms/";
  }

  public String problem() {
    return missing(formKey);
  }
}
