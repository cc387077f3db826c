/**
 * The process owners' workspace: what is deployed from {@code bpmn/} and {@code forms/}, and the
 * problems of the diagrams in use that only a process owner can fix, such as user tasks whose form
 * is missing.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Process owner workspace",
    allowedDependencies = {"common", "identity", "engine", "task", "task::form"})
package com.partnerflow.processowner;
