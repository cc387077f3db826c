package com.partnerflow.processowner;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small diagrams, decisions and forms for deployment tests, with ids of their own per test. */
final class DeploymentFiles {

  private static final Pattern ID = Pattern.compile("id=\"([^\"]+)\"");

  private DeploymentFiles() {}

  /** A fresh id, so tests in any order deploy processes of their own. */
  static String uniqueId(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  static String serviceTask(String id, String jobType) {
    return "<bpmn:serviceTask id=\"%s\" name=\"%s\"><bpmn:extensionElements><zeebe:taskDefinition type=\"%s\" /></bpmn:extensionElements></bpmn:serviceTask>"
        .formatted(id, id, jobType);
  }

  static String userTask(String id, String formKey, String candidateGroups) {
    return "<bpmn:userTask id=\"%s\" name=\"%s\"><bpmn:extensionElements><zeebe:formDefinition formKey=\"%s\" /><zeebe:assignmentDefinition candidateGroups=\"%s\" /></bpmn:extensionElements></bpmn:userTask>"
        .formatted(id, id, formKey, candidateGroups);
  }

  static String businessRuleTask(String id, String decisionId) {
    return "<bpmn:businessRuleTask id=\"%s\" name=\"%s\"><bpmn:extensionElements><zeebe:calledDecision decisionId=\"%s\" resultVariable=\"result\" /></bpmn:extensionElements></bpmn:businessRuleTask>"
        .formatted(id, id, decisionId);
  }

  static String callActivity(String id, String processId) {
    return "<bpmn:callActivity id=\"%s\" name=\"%s\"><bpmn:extensionElements><zeebe:calledElement processId=\"%s\" /></bpmn:extensionElements></bpmn:callActivity>"
        .formatted(id, id, processId);
  }

  /** A process running the given elements one after the other, between a start and an end. */
  static String diagram(String processId, String... elements) {
    List<String> ids = new ArrayList<>();
    ids.add("StartedEvent");
    for (String element : elements) {
      Matcher id = ID.matcher(element);
      if (!id.find()) {
        throw new IllegalArgumentException("No id in " + element);
      }
      ids.add(id.group(1));
    }
    ids.add("DoneEvent");
    StringBuilder flows = new StringBuilder();
    for (int i = 0; i + 1 < ids.size(); i++) {
      flows.append(
          "<bpmn:sequenceFlow id=\"Flow_%d\" sourceRef=\"%s\" targetRef=\"%s\" />"
              .formatted(i, ids.get(i), ids.get(i + 1)));
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Definitions_%s" \
        targetNamespace="https://partnerflow.example/bpmn">
          <bpmn:process id="%s" name="Deployment test" isExecutable="true">
            <bpmn:startEvent id="StartedEvent" name="Started" />
            %s
            <bpmn:endEvent id="DoneEvent" name="Done" />
            %s
          </bpmn:process>
        </bpmn:definitions>
        """
        .formatted(processId, processId, String.join("\n", elements), flows);
  }

  /** A decision that answers {@code approved = true} for any input. */
  static String decision(String decisionId) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="%s-drg" \
        name="Test decision" namespace="https://partnerflow.example/dmn">
          <decision id="%s" name="Test decision">
            <decisionTable id="Table_%s" hitPolicy="FIRST">
              <input id="AmountInput" label="Amount">
                <inputExpression id="AmountExpression" typeRef="number"><text>amount</text></inputExpression>
              </input>
              <output id="ApprovedOutput" label="Approved" name="approved" typeRef="boolean" />
              <rule id="AnyRule">
                <inputEntry id="AnyRule_in"><text>-</text></inputEntry>
                <outputEntry id="AnyRule_out"><text>true</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """
        .formatted(decisionId, decisionId, decisionId);
  }

  static String form(String formId) {
    return """
        {"id": "%s", "type": "default", "schemaVersion": 18,
         "components": [{"id": "Field_Note", "type": "textfield", "key": "note", "label": "Note"}]}
        """
        .formatted(formId);
  }
}
