package com.partnerflow.processowner.internal;

/**
 * One result of the compatibility check or of the engine. An {@code error} stops the deployment; a
 * {@code warning} does not; an {@code info} tells what the service did, e.g. which deployed files
 * it added to the deployment.
 *
 * @param severity {@code error}, {@code warning} or {@code info}
 * @param resourceName the uploaded file
 * @param elementId the BPMN element, or {@code null} for the file as a whole
 * @param rule which check found it, e.g. {@code job-worker}, {@code form-key}, {@code engine}
 * @param message what is wrong and how to fix it
 */
public record Finding(
    String severity, String resourceName, String elementId, String rule, String message) {

  public static final String ERROR = "error";
  public static final String WARNING = "warning";
  public static final String INFO = "info";

  public static Finding error(String resource, String element, String rule, String message) {
    return new Finding(ERROR, resource, element, rule, message);
  }

  public static Finding warning(String resource, String element, String rule, String message) {
    return new Finding(WARNING, resource, element, rule, message);
  }

  public static Finding info(String resource, String element, String rule, String message) {
    return new Finding(INFO, resource, element, rule, message);
  }

  public boolean isError() {
    return ERROR.equals(severity);
  }
}
