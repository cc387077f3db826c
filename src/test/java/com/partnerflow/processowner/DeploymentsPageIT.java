package com.partnerflow.processowner;

import static com.partnerflow.processowner.DeploymentFiles.diagram;
import static com.partnerflow.processowner.DeploymentFiles.serviceTask;
import static com.partnerflow.processowner.DeploymentFiles.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The deployments page: upload, findings and history, for process owners only. */
@PartnerflowIntegrationTest
class DeploymentsPageIT {

  private static final String PAGE = "/process-owner/deployments";

  @LocalServerPort int port;

  @Test
  void aProcessOwnerUploadsAndSeesTheFindingsAndTheHistory() {
    UiSession olivia = UiSession.signIn(port, "olivia");
    assertThat(olivia.get(PAGE).body())
        .contains("enctype=\"multipart/form-data\"")
        .contains("hx-post=\"/process-owner/deployments\"")
        .doesNotContain("<script>")
        .doesNotContain("style=");

    String refused = uniqueId("page-refused");
    HttpResponse<String> answer =
        olivia.postFile(
            PAGE,
            "files",
            refused + ".bpmn",
            diagram(refused, serviceTask("ChargeCardTask", "payments.charge-card")),
            PAGE);
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body())
        .contains("Refused: nothing was deployed.")
        .contains("ChargeCardTask")
        .contains("job-worker")
        .contains(refused + ".bpmn");

    String deployed = uniqueId("page-deployed");
    answer = olivia.postFile(PAGE, "files", deployed + ".bpmn", diagram(deployed), PAGE);
    assertThat(answer.body()).contains("Deployed as").contains(deployed);
    assertThat(olivia.get(PAGE).body()).contains(deployed + ".bpmn").contains("DEPLOYED");

    answer = olivia.postFile(PAGE, "files", "notes.txt", "hello", PAGE);
    assertThat(answer.body()).contains("&#39;notes.txt&#39; is no .bpmn, .dmn or .form file");
  }

  @Test
  void nobodyElseSeesThePage() {
    for (String user : new String[] {"carol", "alice"}) {
      assertThat(UiSession.signIn(port, user).get(PAGE).statusCode()).as(user).isEqualTo(404);
    }
    assertThat(UiSession.signIn(port, "admin").get(PAGE).statusCode()).isEqualTo(200);
  }
}
