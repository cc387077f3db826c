package com.partnerflow.processowner.internal;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.util.List;

/** An uploaded file that passed the safe parse: a diagram, a decision file or a form. */
public sealed interface ParsedResource {

  /** The file name, as the engine will know the resource. */
  String name();

  byte[] content();

  /** A BPMN file, read by Zeebe's own model reader. */
  record Bpmn(String name, byte[] content, BpmnModelInstance model) implements ParsedResource {}

  /** A DMN file and the ids of its decisions. */
  record Dmn(String name, byte[] content, List<String> decisionIds) implements ParsedResource {}

  /** A Camunda form and its id. */
  record Form(String name, byte[] content, String formId) implements ParsedResource {}
}
