package com.partnerflow.partner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.BusinessTime;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.notification.EmbeddedMailServer;
import com.partnerflow.notification.NotificationLog;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Bank details through the API: who reads, that only a partner admin changes them, validation, the
 * audit entry and the confirmation mail to the other partner admins. Changes happen on a partner of
 * the test's own, so the demo partners' accounts stay old and their payments are never held.
 */
@PartnerflowIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BankAccountApiIT {

  static final String NEW_IBAN = "GB82WEST12345698765432";

  @Autowired TestRestTemplate http;
  @Autowired Partners partners;
  @Autowired UserAccounts accounts;
  @Autowired PartnerBankAccounts bankAccounts;
  @Autowired BankAccountChanges changes;
  @Autowired NotificationLog notifications;
  @Autowired BusinessTime time;
  @Autowired ObjectMapper json;
  @Autowired EmbeddedMailServer mailServer;

  Partner partner;
  String admin;
  String otherAdmin;
  String member;
  String domain;

  @BeforeEach
  void ownPartnerWithTwoAdminsAndAMember() {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    domain = "bank-" + suffix + ".example";
    partner =
        partners.save(
            new Partner("Bank Test " + suffix, domain, Tier.GOLD, Region.EMEA, time.now()));
    admin = "pa-" + suffix;
    otherAdmin = "pb-" + suffix;
    member = "pm-" + suffix;
    user(admin, Set.of(PartnerflowUser.PARTNER_ADMINS));
    user(otherAdmin, Set.of(PartnerflowUser.PARTNER_ADMINS));
    user(member, Set.of());
    bankAccounts.importExisting(
        new BankAccount(
            partner.getId(),
            "Bank Test Ltd",
            "DE89370400440532013000",
            "COBADEFFXXX",
            null,
            null,
            "DE",
            time.now().minus(Duration.ofDays(30)),
            "import"));
  }

  void user(String username, Set<String> groups) {
    accounts.createIfAbsent(
        username, "demo", "User " + username, username + "@" + domain, partner.getId(), groups);
  }

  String path() {
    return "/api/partners/" + partner.getId() + "/bank-account";
  }

  ResponseEntity<String> put(String user, String body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.withBasicAuth(user, "demo")
        .exchange(path(), HttpMethod.PUT, new HttpEntity<>(body, headers), String.class);
  }

  ResponseEntity<String> get(String user, String path) {
    return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
  }

  static String ibanBody(String iban, String bic) {
    return "{\"holderName\":\"Bank Test Ltd\",\"iban\":\""
        + iban
        + "\""
        + (bic == null ? "" : ",\"bic\":\"" + bic + "\"")
        + "}";
  }

  /** Mails the embedded SMTP server received for an address, newest first. */
  List<JsonNode> mailsTo(String address) throws IOException {
    List<JsonNode> mails = new ArrayList<>();
    for (JsonNode mail : json.readTree(get("admin", "/api/dev/mailbox").getBody())) {
      for (JsonNode to : mail.get("to")) {
        if (to.asText().contains(address)) {
          mails.add(mail);
        }
      }
    }
    return mails;
  }

  @Test
  void demoPartnersHaveValidAccountsSetLongAgo() throws IOException {
    for (String name : List.of("Acme Corp", "Globex")) {
      String id = partners.findByName(name).orElseThrow().getId();
      BankAccount account = bankAccounts.current(id).orElseThrow();
      assertThat(account.changedAt()).as(name).isBefore(time.now().minus(Duration.ofDays(300)));
      assertThat(account.iban() != null || account.accountNumber() != null).isTrue();
    }
    String acme = partners.findByName("Acme Corp").orElseThrow().getId();
    JsonNode own = json.readTree(get("alice", "/api/partners/" + acme + "/bank-account").getBody());
    assertThat(own.get("iban").asText()).isEqualTo("DE89370400440532013000");
    assertThat(own.get("bic").asText()).isEqualTo("COBADEFFXXX");
    assertThat(own.get("changedBy").asText()).isEqualTo("demo-data");
  }

  @Test
  void partnerUsersFinanceAndAdminsReadOthersDoNot() {
    for (String reader : List.of(admin, member, "erin", "admin")) {
      var response = get(reader, path());
      assertThat(response.getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
      assertThat(response.getBody()).contains("\"iban\":\"DE89370400440532013000\"");
    }
    for (String otherOrganisation : List.of("alice", "bob")) {
      assertProblem(get(otherOrganisation, path()), HttpStatus.NOT_FOUND);
    }
    for (String internal : List.of("carol", "frank")) {
      assertProblem(get(internal, path()), HttpStatus.FORBIDDEN);
    }
  }

  @Test
  void partnerAdminChangesTheAccountWhichIsAuditedAndConfirmedToTheOtherAdmins(
      CapturedOutput output) throws IOException {
    var sent = time.now();
    var response = put(admin, ibanBody("GB82 WEST 1234 5698 7654 32", "westgb2l"));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    BankAccount current = bankAccounts.current(partner.getId()).orElseThrow();
    assertThat(current.iban()).isEqualTo(NEW_IBAN);
    assertThat(current.bic()).isEqualTo("WESTGB2L");
    assertThat(current.country()).isEqualTo("GB");
    assertThat(current.changedBy()).isEqualTo(admin);
    assertThat(current.changedAt()).isBetween(sent.minusMillis(1), time.now());
    assertThat(get(member, path()).getBody()).contains("\"iban\":\"" + NEW_IBAN + "\"");

    List<BankAccountChange> trail =
        changes.findByPartnerIdOrderByChangedAtAscIdAsc(partner.getId());
    assertThat(trail).hasSize(2);
    BankAccountChange change = trail.get(1);
    assertThat(change.getChangedBy()).isEqualTo(admin);
    assertThat(change.getChangedAt()).isEqualTo(current.changedAt());
    assertThat(change.getOldAccountMasked()).isEqualTo("****3000");
    assertThat(change.getNewAccountMasked()).isEqualTo("****5432");

    List<JsonNode> mails = mailsTo(otherAdmin + "@" + domain);
    assertThat(mails).hasSize(1);
    String text = mails.get(0).get("text").asText();
    assertThat(mails.get(0).get("subject").asText()).contains(partner.getName());
    assertThat(text).contains("****3000").contains("****5432").contains("User " + admin);
    assertThat(text).doesNotContain(NEW_IBAN).doesNotContain("DE89370400440532013000");
    assertThat(mailsTo(admin + "@" + domain)).as("who made the change").isEmpty();
    assertThat(mailsTo(member + "@" + domain)).as("not a partner admin").isEmpty();
    assertThat(output.getAll())
        .contains("****3000 -> ****5432")
        .doesNotContain(NEW_IBAN)
        .doesNotContain("12345698765432");
  }

  @Test
  void theSameDetailsAgainChangeNothing() throws IOException {
    assertThat(put(admin, ibanBody(NEW_IBAN, null)).getStatusCode()).isEqualTo(HttpStatus.OK);
    var changedAt = bankAccounts.current(partner.getId()).orElseThrow().changedAt();

    assertThat(put(admin, ibanBody(NEW_IBAN, null)).getStatusCode()).isEqualTo(HttpStatus.OK);

    assertThat(changes.findByPartnerIdOrderByChangedAtAscIdAsc(partner.getId())).hasSize(2);
    assertThat(bankAccounts.current(partner.getId()).orElseThrow().changedAt())
        .isEqualTo(changedAt);
    assertThat(mailsTo(otherAdmin + "@" + domain)).hasSize(1);
  }

  @Test
  void accountNumberWithRoutingNumberIsAccepted() {
    var response =
        put(
            otherAdmin,
            "{\"holderName\":\"Bank Test Inc\",\"accountNumber\":\"000123456789\","
                + "\"routingNumber\":\"021000021\",\"country\":\"US\"}");

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    BankAccount current = bankAccounts.current(partner.getId()).orElseThrow();
    assertThat(current.iban()).isNull();
    assertThat(current.accountNumber()).isEqualTo("000123456789");
    assertThat(current.routingNumber()).isEqualTo("021000021");
    assertThat(current.country()).isEqualTo("US");
  }

  @Test
  void refusalsChangeNothingAndMailNobody() throws IOException {
    BankAccount before = bankAccounts.current(partner.getId()).orElseThrow();

    assertProblem(put(member, ibanBody(NEW_IBAN, null)), HttpStatus.FORBIDDEN);
    assertProblem(put("erin", ibanBody(NEW_IBAN, null)), HttpStatus.FORBIDDEN);
    assertProblem(put("admin", ibanBody(NEW_IBAN, null)), HttpStatus.FORBIDDEN);
    assertProblem(put("alice", ibanBody(NEW_IBAN, null)), HttpStatus.NOT_FOUND);
    assertInvalid(
        put(admin, ibanBody("GB82WEST12345698765433", null)), "iban", "checksum does not match");
    assertInvalid(put(admin, ibanBody(NEW_IBAN, "WEST1")), "bic", "not a valid BIC");
    assertInvalid(
        put(admin, "{\"holderName\":\"x\",\"accountNumber\":\"000123456789\"}"),
        "routingNumber",
        "is required");
    assertInvalid(
        put(admin, "{\"holderName\":\"x\",\"iban\":\"" + NEW_IBAN + "\",\"changedBy\":\"bob\"}"),
        "changedBy",
        "not accepted");

    assertThat(bankAccounts.current(partner.getId()).orElseThrow()).isEqualTo(before);
    assertThat(changes.findByPartnerIdOrderByChangedAtAscIdAsc(partner.getId())).hasSize(1);
    assertThat(notifications.findByRecipientOrderByCreatedAtDesc(otherAdmin + "@" + domain))
        .isEmpty();
    assertThat(mailsTo("@" + domain)).isEmpty();
  }

  @Test
  void withoutTheConfirmationMailTheChangeIsNotMade() {
    BankAccount before = bankAccounts.current(partner.getId()).orElseThrow();
    mailServer.stop();
    try {
      assertProblem(put(admin, ibanBody(NEW_IBAN, null)), HttpStatus.SERVICE_UNAVAILABLE);
    } finally {
      mailServer.start();
    }

    assertThat(bankAccounts.current(partner.getId()).orElseThrow()).isEqualTo(before);
    assertThat(changes.findByPartnerIdOrderByChangedAtAscIdAsc(partner.getId())).hasSize(1);
    assertThat(notifications.findByRecipientOrderByCreatedAtDesc(otherAdmin + "@" + domain))
        .isEmpty();

    assertThat(put(admin, ibanBody(NEW_IBAN, null)).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(bankAccounts.current(partner.getId()).orElseThrow().iban()).isEqualTo(NEW_IBAN);
  }

  @Test
  void aPartnerWithoutAccountAnswersNotFound() {
    Partner fresh =
        partners.save(
            new Partner("No Account " + domain, null, Tier.SILVER, Region.AMER, time.now()));

    assertProblem(
        get("erin", "/api/partners/" + fresh.getId() + "/bank-account"), HttpStatus.NOT_FOUND);
    assertProblem(get("erin", "/api/partners/unknown/bank-account"), HttpStatus.NOT_FOUND);
  }

  private void assertProblem(ResponseEntity<String> response, HttpStatus status) {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private void assertInvalid(ResponseEntity<String> response, String field, String reason)
      throws IOException {
    assertProblem(response, HttpStatus.BAD_REQUEST);
    JsonNode errors = json.readTree(response.getBody()).get("errors");
    assertThat(errors).isNotEmpty();
    assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
    assertThat(errors.get(0).get("message").asText()).contains(reason);
  }
}
