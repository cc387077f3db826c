package com.partnerflow.processowner.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compatibility check's rules, without the engine. */
class CompatibilityCheckTest {

  private final ResourceReader reader = new ResourceReader(new ObjectMapper(), 1024 * 1024);
  private final Landscape landscape =
      new Landscape(
          Set.of("mdf.score-risk"),
          Set.of("erp.post-invoice"),
          Set.of("finance", "channel-managers"),
          "mdf-request-review"::equals,
          Set.of("deployed-form"),
          Map.of("mdf-request", "mdf-request.bpmn"),
          Set.of("mdf-approval-routing"),
          VariableContracts.unknown());

  @Test
  void externalJobTypesNeedNoWorkerAndExpressionsOnlyWarn() {
    List<Finding> findings =
        check(
            "p",
            task("PostInvoiceTask", "erp.post-invoice"),
            task("ScoreTask", "mdf.score-risk"),
            task("DynamicTask", "=jobType"));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.WARNING);
              assertThat(f.elementId()).isEqualTo("DynamicTask");
            });
  }

  @Test
  void partnerAndApplicantTasksFollowTheGroupConvention() {
    List<Finding> findings =
        check(
            "p",
            userTask("PartnerTask", "=[&quot;partner:&quot; + partnerId]"),
            userTask("ApplicantTask", "=[&quot;applicant:&quot; + applicationId]"),
            userTask("RoutedTask", "=[if x = null then &quot;channel-managers&quot; else x]"),
            userTask(
                "UnknownLiteralTask", "=[if x then &quot;auditors&quot; else &quot;finance&quot;]"),
            userTask("StaticApplicantTask", "applicant:42"),
            userTask("OddPrefixTask", "=[&quot;supplier:&quot; + supplierId]"));

    assertThat(findings)
        .extracting(f -> f.elementId() + " " + f.rule())
        .containsExactlyInAnyOrder(
            "UnknownLiteralTask candidate-group",
            "StaticApplicantTask partner-group",
            "OddPrefixTask candidate-group");
  }

  @Test
  void aFormInTheSameDeploymentPassesWithAWarning() {
    String bpmn = diagram("p", userTaskWithForm("NewFormTask", "new-form"));
    String form = "{\"id\":\"new-form\",\"components\":[]}";

    List<Finding> findings =
        new CompatibilityCheck(landscape)
            .check(reader.read(List.of(upload("p.bpmn", bpmn), upload("new-form.form", form))));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.isError()).isFalse();
              assertThat(f.message()).contains("forms/");
            });
  }

  @Test
  void decisionsOfTheSameDeploymentAndDuplicateIdsAreSeen() {
    String bpmn =
        diagram(
            "p",
            "<bpmn:businessRuleTask id=\"DecideTask\"><bpmn:extensionElements>"
                + "<zeebe:calledDecision decisionId=\"new-decision\" resultVariable=\"r\" />"
                + "</bpmn:extensionElements></bpmn:businessRuleTask>");
    String dmn =
        "<definitions xmlns=\"https://www.omg.org/spec/DMN/20191111/MODEL/\" id=\"d\" name=\"d\""
            + " namespace=\"x\"><decision id=\"new-decision\" name=\"n\"/>"
            + "<decision id=\"new-decision\" name=\"again\"/></definitions>";

    List<Finding> findings =
        new CompatibilityCheck(landscape)
            .check(reader.read(List.of(upload("p.bpmn", bpmn), upload("d.dmn", dmn))));

    assertThat(findings).extracting(Finding::rule).containsExactly("duplicate-id");
  }

  @Test
  void theSizeCapCountsBytes() {
    ResourceReader small = new ResourceReader(new ObjectMapper(), 100);
    assertThatThrownBy(() -> small.read(List.of(upload("p.bpmn", diagram("p")))))
        .isInstanceOfSatisfying(
            UploadRefusedException.class, e -> assertThat(e.tooLarge()).isTrue());
  }

  private List<Finding> check(String process, String... elements) {
    return new CompatibilityCheck(landscape)
        .check(reader.read(List.of(upload(process + ".bpmn", diagram(process, elements)))));
  }

  private static ResourceReader.Upload upload(String name, String content) {
    return new ResourceReader.Upload(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static String task(String id, String type) {
    return "<bpmn:serviceTask id=\"%s\"><bpmn:extensionElements><zeebe:taskDefinition type=\"%s\" /></bpmn:extensionElements></bpmn:serviceTask>"
        .formatted(id, type);
  }

  private static String userTask(String id, String groups) {
    return "<bpmn:userTask id=\"%s\"><bpmn:extensionElements><zeebe:formDefinition formKey=\"mdf-request-review\" /><zeebe:assignmentDefinition candidateGroups=\"%s\" /></bpmn:extensionElements></bpmn:userTask>"
        .formatted(id, groups);
  }

  private static String userTaskWithForm(String id, String formKey) {
    return "<bpmn:userTask id=\"%s\"><bpmn:extensionElements><zeebe:formDefinition formKey=\"%s\" /></bpmn:extensionElements></bpmn:userTask>"
        .formatted(id, formKey);
  }

  private static String diagram(String id, String... elements) {
    return "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
        + " xmlns:zeebe=\"http://camunda.org/schema/zeebe/1.0\" id=\"D\" targetNamespace=\"x\">"
        + "<bpmn:process id=\""
        + id
        + "\" isExecutable=\"true\"><bpmn:startEvent id=\"S\" />"
        + String.join("", elements)
        + "</bpmn:process></bpmn:definitions>";
  }
}
