package com.partnerflow.mdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.partnerflow.BusinessTime;
import com.partnerflow.fund.FundLedger;
import com.partnerflow.fund.LedgerMovement;
import com.partnerflow.fund.Money;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.Partner;
import com.partnerflow.partner.Partners;
import com.partnerflow.partner.Region;
import com.partnerflow.partner.Tier;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Test data for pages: a partner of its own with a budget in EUR and one partner user (password
 * demo), and an MDF request of theirs submitted through the API and waiting in review, with the
 * approver's review task.
 */
record MdfCaseInReview(String partnerName, String user, MdfRequest request, InboxTask review) {

  /**
   * A case whose partner is named "{prefix} … GmbH" and whose request title starts with the prefix,
   * made with the beans of the running service.
   */
  static MdfCaseInReview create(ApplicationContext context, String prefix) {
    TestRestTemplate http = context.getBean(TestRestTemplate.class);
    Partners partners = context.getBean(Partners.class);
    UserAccounts accounts = context.getBean(UserAccounts.class);
    FundLedger funds = context.getBean(FundLedger.class);
    InboxTasks tasks = context.getBean(InboxTasks.class);
    MdfRequests requests = context.getBean(MdfRequests.class);
    BusinessTime time = context.getBean(BusinessTime.class);
    {
      time.ensureDaysLeftInPeriod(MdfRequestProcessIT.DAYS_A_TEST_SPANS);
      String name =
          prefix.toLowerCase().substring(0, 2) + UUID.randomUUID().toString().substring(0, 8);
      String partnerName = prefix + " " + name + " GmbH";
      Partner partner =
          partners.save(
              new Partner(partnerName, name + ".example", Tier.SILVER, Region.EMEA, time.now()));
      accounts.createIfAbsent(name, "demo", "User " + name, null, partner.getId(), Set.of());
      funds.allocate(
          LedgerMovement.of(partner.getId(), funds.currentPeriod(), Money.of("50000", "EUR"))
              .withKey("test-allocation:" + partner.getId())
              .by("test")
              .because("budget of a test partner"));
      var headers = new HttpHeaders();
      headers.setContentType(MediaType.APPLICATION_JSON);
      String json =
          MdfRequestProcessIT.body(
              time.today().plusDays(1),
              "WEBINAR",
              prefix + " webinar " + name,
              "5000.50",
              "5000.50");
      var response =
          http.withBasicAuth(name, "demo")
              .exchange(
                  "/api/mdf-requests",
                  HttpMethod.POST,
                  new HttpEntity<>(json, headers),
                  String.class);
      assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(HttpStatus.CREATED);
      String id = response.getBody().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
      MdfRequest request =
          await()
              .atMost(Duration.ofSeconds(15))
              .until(
                  () -> requests.findById(id).orElseThrow(),
                  r -> r.getStatus() == MdfStatus.IN_REVIEW && r.getHolderGroup() != null);
      InboxTask review =
          await()
              .atMost(Duration.ofSeconds(15))
              .until(
                  () ->
                      tasks
                          .findByProcessInstanceKeyOrderByCreatedAtAsc(
                              request.getProcessInstanceKey())
                          .stream()
                          .filter(t -> t.getElementId().equals("ReviewMdfRequestTask"))
                          .findFirst()
                          .orElse(null),
                  t -> t != null);
      return new MdfCaseInReview(partnerName, name, request, review);
    }
  }
}
