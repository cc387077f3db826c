package com.partnerflow.disbursement;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.UiSession;
import com.partnerflow.disbursement.DisbursementDriver.TestPartner;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.PartnerBankAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The claim and verification tasks name their case in words (task.TaskCaseSource): the request's
 * title, the milestone's name, the claim with its amount and status, the partner; no context id
 * shows on the task list or the task page.
 */
@PartnerflowIntegrationTest
class DisbursementTaskCasesIT {

  @LocalServerPort int port;
  @Autowired TestRestTemplate http;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired FundLedger funds;
  @Autowired InboxTasks tasks;
  @Autowired BusinessTime time;
  @Autowired PartnerBankAccounts bankAccounts;

  @Test
  void claimAndVerificationTasksAreNamedByTheRequestTheMilestoneAndTheClaim() {
    time.ensureDaysLeftInPeriod(5);
    var driver = new DisbursementDriver(http, partners, accounts, funds, tasks, time, bankAccounts);
    TestPartner partner = driver.newPartner("20000.00");
    String title = "Named webinar " + partner.user();
    String requestId = driver.submit(partner, title, "1000.00");
    driver.approveAll(requestId);
    List<String> milestones = driver.milestoneIds(requestId);
    InboxTask claimTask = driver.awaitTask(milestones.get(0), "SubmitClaimTask");
    String claimId = DisbursementDriver.contextValue(claimTask, "claimId");

    var partnerSession = UiSession.signIn(port, partner.user());
    String list = partnerSession.get("/tasks?view=group").body();
    String row = list.substring(list.indexOf("data-task-id=\"" + claimTask.getId() + "\""));
    row = row.substring(0, row.indexOf("</tr>"));
    assertThat(row)
        .contains("class=\"case case-title\"")
        .contains(title)
        .contains("Invitations")
        .contains("Claim, open")
        .doesNotContain(claimId)
        .doesNotContain(milestones.get(0))
        .doesNotContain("claimId")
        .doesNotContain("milestoneId");
    String claimPage = partnerSession.get("/tasks/" + claimTask.getId()).body();
    assertThat(claimPage)
        .contains("href=\"/mdf-requests/" + requestId + "\">" + title + "</a>")
        .contains("Invitations")
        .doesNotContain(claimId)
        .doesNotContain("/disbursements/verification");

    driver.complete(
        partner.user(), claimTask, DisbursementDriver.claim("300.00", "NM-" + partner.user()));
    InboxTask verifyTask = driver.awaitTask(milestones.get(0), "VerifyClaimTask");
    String verifyPage = UiSession.signIn(port, "frank").get("/tasks/" + verifyTask.getId()).body();
    assertThat(verifyPage)
        .contains(title)
        .contains("Invitations")
        .contains("href=\"/disbursements/verification\">Claim of €300.00, submitted</a>")
        .doesNotContain(claimId);
  }
}
