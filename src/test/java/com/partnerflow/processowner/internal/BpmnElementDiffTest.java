package com.partnerflow.processowner.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.partnerflow.processowner.internal.BpmnElementDiff.Change;
import com.partnerflow.processowner.internal.BpmnElementDiff.ElementChange;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Elements added, removed and changed between two versions of a diagram, without a browser. */
class BpmnElementDiffTest {

  static String mdfRequest() throws IOException {
    try (InputStream in = BpmnElementDiffTest.class.getResourceAsStream("/bpmn/mdf-request.bpmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theSameDiagramAndMovedShapesAreNoChange() throws IOException {
    String original = mdfRequest();
    String moved = original.replaceFirst("(<dc:Bounds x=\")(\\d+)", "$1999");

    assertThat(moved).isNotEqualTo(original);
    assertThat(BpmnElementDiff.diff(original, original)).isEmpty();
    assertThat(BpmnElementDiff.diff(original, moved)).isEmpty();
  }

  @Test
  void aRenamedTaskAChangedFormKeyAndAnAddedTaskAreListed() throws IOException {
    String original = mdfRequest();
    String changed =
        original
            .replace("name=\"Review MDF request\"", "name=\"Review the MDF request\"")
            .replaceFirst(
                "</bpmn:process>",
                "<bpmn:task id=\"FinanceCheckTask\" name=\"Finance check\"/></bpmn:process>");

    assertThat(BpmnElementDiff.diff(original, changed))
        .extracting(ElementChange::elementId, ElementChange::change, ElementChange::type)
        .containsExactly(
            tuple("ReviewMdfRequestTask", Change.CHANGED, "userTask"),
            tuple("FinanceCheckTask", Change.ADDED, "task"));
    assertThat(BpmnElementDiff.diff(changed, original))
        .extracting(ElementChange::elementId, ElementChange::change, ElementChange::name)
        .containsExactly(
            tuple("ReviewMdfRequestTask", Change.CHANGED, "Review MDF request"),
            tuple("FinanceCheckTask", Change.REMOVED, "Finance check"));
  }
}
