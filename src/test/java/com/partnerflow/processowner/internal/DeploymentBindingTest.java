package com.partnerflow.processowner.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DeploymentBindingTest {

  private final ResourceReader reader = new ResourceReader(new ObjectMapper(), 1024 * 1024);

  /** What is deployed: a caller bound to its deployment, one not bound, and their decisions. */
  private final List<ParsedResource> deployed =
      read(
          process("order", "=deployment", "price", "sub"),
          process("legacy", "latest", "price"),
          process("sub", "=deployment", "tax"),
          decision("price"),
          decision("tax"),
          decision("unused"));

  @Test
  void anUploadedProcessGetsTheDeployedDecisionsAndProcessesItCallsBoundToItsDeployment() {
    List<Finding> notes = new ArrayList<>();

    List<ParsedResource> completed =
        DeploymentBinding.complete(
            read(process("order", "=deployment", "price", "sub")), () -> deployed, notes);

    assertThat(completed)
        .extracting(ParsedResource::name)
        .containsExactlyInAnyOrder("order.bpmn", "price.dmn", "sub.bpmn", "tax.dmn");
    assertThat(notes).allSatisfy(n -> assertThat(n.severity()).isEqualTo(Finding.INFO));
    assertThat(notes)
        .extracting(Finding::message)
        .contains(
            "Added the deployed tax.dmn: sub.bpmn calls tax bound to its deployment, which must"
                + " hold it");
  }

  @Test
  void anUploadedDecisionBringsTheProcessesThatCallItBoundToTheirDeployment() {
    List<Finding> notes = new ArrayList<>();

    List<ParsedResource> completed =
        DeploymentBinding.complete(read(decision("price")), () -> deployed, notes);

    // "legacy" calls the latest version anyway, so it is not redeployed.
    assertThat(completed)
        .extracting(ParsedResource::name)
        .containsExactlyInAnyOrder("price.dmn", "order.bpmn", "sub.bpmn", "tax.dmn");
    assertThat(completed.getFirst().content())
        .as("the uploaded file, not the deployed one")
        .isEqualTo(read(decision("price")).getFirst().content());
    assertThat(notes.getFirst().message())
        .startsWith("Added the deployed order.bpmn: it calls price bound to its deployment");
  }

  @Test
  void formsAloneNeedNothingDeployed() {
    AtomicInteger reads = new AtomicInteger();
    Supplier<List<ParsedResource>> counted =
        () -> {
          reads.incrementAndGet();
          return deployed;
        };
    List<ParsedResource> forms =
        read(
            new ResourceReader.Upload(
                "note.form",
                "{\"id\":\"note\",\"type\":\"default\",\"components\":[]}"
                    .getBytes(StandardCharsets.UTF_8)));

    assertThat(DeploymentBinding.complete(forms, counted, new ArrayList<>())).isEqualTo(forms);
    assertThat(reads).hasValue(0);
  }

  private List<ParsedResource> read(ResourceReader.Upload... uploads) {
    return reader.read(List.of(uploads));
  }

  /** A process calling the decisions (ids) and, for the last id if it names a process, it. */
  private static ResourceReader.Upload process(String id, String binding, String... callees) {
    String type = binding.startsWith("=") ? binding.substring(1) : binding;
    StringBuilder elements = new StringBuilder();
    StringBuilder flows = new StringBuilder();
    String previous = "Start";
    for (int i = 0; i < callees.length; i++) {
      String callee = callees[i];
      String element = "Call" + i;
      boolean isProcess = callee.equals("sub");
      elements.append(
          isProcess
              ? "<bpmn:callActivity id=\"%s\"><bpmn:extensionElements><zeebe:calledElement processId=\"%s\" bindingType=\"%s\" /></bpmn:extensionElements></bpmn:callActivity>"
                  .formatted(element, callee, type)
              : "<bpmn:businessRuleTask id=\"%s\"><bpmn:extensionElements><zeebe:calledDecision decisionId=\"%s\" resultVariable=\"r\" bindingType=\"%s\" /></bpmn:extensionElements></bpmn:businessRuleTask>"
                  .formatted(element, callee, type));
      flows.append(
          "<bpmn:sequenceFlow id=\"F%d\" sourceRef=\"%s\" targetRef=\"%s\" />"
              .formatted(i, previous, element));
      previous = element;
    }
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" \
        xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D_%s" targetNamespace="t">
          <bpmn:process id="%s" isExecutable="true">
            <bpmn:startEvent id="Start" />%s%s
          </bpmn:process>
        </bpmn:definitions>
        """
            .formatted(id, id, elements, flows);
    return new ResourceReader.Upload(id + ".bpmn", xml.getBytes(StandardCharsets.UTF_8));
  }

  private static ResourceReader.Upload decision(String id) {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="%s-drg" name="T" \
        namespace="t">
          <decision id="%s" name="T">
            <decisionTable id="Table_%s">
              <input id="I"><inputExpression id="E" typeRef="number"><text>a</text></inputExpression></input>
              <output id="O" name="r" typeRef="boolean" />
              <rule id="R"><inputEntry id="RI"><text>-</text></inputEntry><outputEntry id="RO"><text>true</text></outputEntry></rule>
            </decisionTable>
          </decision>
        </definitions>
        """
            .formatted(id, id, id);
    return new ResourceReader.Upload(id + ".dmn", xml.getBytes(StandardCharsets.UTF_8));
  }
}
