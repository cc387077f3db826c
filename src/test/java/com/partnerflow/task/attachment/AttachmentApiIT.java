package com.partnerflow.task.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.PartnerflowIntegrationTest;
import com.partnerflow.identity.UserAccounts;
import com.partnerflow.partner.Partners;
import com.partnerflow.task.Attachment;
import com.partnerflow.task.InboxTask;
import com.partnerflow.task.InboxTasks;
import com.partnerflow.task.TaskAttachments;
import com.partnerflow.task.TaskState;
import io.camunda.client.CamundaClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Evidence files through the API: who may upload and read, the stored content and its hash, and
 * every refusal with its status and field, leaving neither row nor file behind.
 */
@PartnerflowIntegrationTest
class AttachmentApiIT {

  static final String BOUNDARY = "----partnerflow-test-boundary";

  @Autowired CamundaClient client;
  @Autowired TestRestTemplate http;
  @Autowired Partners partners;
  @Autowired InboxTasks tasks;
  @Autowired UserAccounts accounts;
  @Autowired StoredAttachments attachments;
  @Autowired TaskAttachments taskAttachments;
  @Autowired FileSystemAttachmentStorage storage;
  @Autowired ObjectMapper json;
  String acme;

  @BeforeEach
  void setUp() {
    acme = partners.findByName("Acme Corp").orElseThrow().getId();
    accounts.createIfAbsent("anja", "demo", "Anja Acme", null, acme, Set.of());
  }

  long openPartnerTask() {
    long instance =
        client
            .newCreateInstanceCommand()
            .bpmnProcessId("skeleton-approval")
            .latestVersion()
            .variables(Map.of("partnerId", acme))
            .send()
            .join()
            .getProcessInstanceKey();
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                tasks.findByProcessInstanceKeyOrderByCreatedAtAsc(instance).stream()
                    .filter(t -> t.getState() == TaskState.OPEN)
                    .findFirst()
                    .map(InboxTask::getId)
                    .orElse(null),
            id -> id != null);
  }

  /** A multipart body written byte by byte, so that file names reach the server exactly. */
  static byte[] multipart(String part, String fileName, String contentType, byte[] content) {
    var body = new ByteArrayOutputStream();
    String head =
        "--"
            + BOUNDARY
            + "\r\nContent-Disposition: form-data; name=\""
            + part
            + "\""
            + (fileName == null ? "" : "; filename=\"" + fileName + "\"")
            + "\r\n"
            + (contentType == null ? "" : "Content-Type: " + contentType + "\r\n")
            + "\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  ResponseEntity<String> upload(
      String user, long task, String fileName, String contentType, byte[] content) {
    return uploadBody(user, task, multipart("file", fileName, contentType, content));
  }

  ResponseEntity<String> uploadBody(String user, long task, byte[] body) {
    var headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType("multipart/form-data; boundary=" + BOUNDARY));
    return http.withBasicAuth(user, "demo")
        .exchange(
            "/api/tasks/" + task + "/attachments",
            HttpMethod.POST,
            new HttpEntity<>(body, headers),
            String.class);
  }

  ResponseEntity<byte[]> download(String user, String id) {
    return http.withBasicAuth(user, "demo").getForEntity("/api/attachments/" + id, byte[].class);
  }

  JsonNode body(ResponseEntity<String> response) throws IOException {
    return json.readTree(response.getBody());
  }

  long storedFiles() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(storage.root())) {
      return files.count();
    }
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  @Test
  void partnerUploadsAPdfThatIsStoredWithItsHashAndReadBackByWhoMay() throws Exception {
    long task = openPartnerTask();
    byte[] pdf = SampleFiles.pdf();

    var response = upload("alice", task, "Invoice März.pdf", "application/pdf", pdf);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    JsonNode created = body(response);
    String id = created.get("id").asText();
    assertThat(response.getHeaders().getLocation()).hasPath("/api/attachments/" + id);
    assertThat(created.get("fileName").asText()).isEqualTo("Invoice März.pdf");
    assertThat(created.get("contentType").asText()).isEqualTo("application/pdf");
    assertThat(created.get("sha256").asText()).isEqualTo(sha256(pdf));
    assertThat(created.get("size").asLong()).isEqualTo(pdf.length);

    StoredAttachment row = attachments.findById(id).orElseThrow();
    assertThat(Files.readAllBytes(storage.root().resolve(row.getStorageKey()))).isEqualTo(pdf);
    assertThat(taskAttachments.forTask(Long.toString(task)))
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.id()).isEqualTo(id);
              assertThat(a.taskId()).isEqualTo(Long.toString(task));
              assertThat(a.partnerId()).isEqualTo(acme);
              assertThat(a.uploadedBy()).isEqualTo("alice");
              assertThat(a.size()).isEqualTo(pdf.length);
              assertThat(a.uploadedAt()).isNotNull();
            });
    assertThat(taskAttachments.withSha256(sha256(pdf).toUpperCase()))
        .extracting(Attachment::id)
        .contains(id);

    var own = download("alice", id);
    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(own.getBody()).isEqualTo(pdf);
    assertThat(own.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(own.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(own.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
    assertThat(own.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("Invoice März.pdf");
    for (String reader : List.of("anja", "frank", "erin", "carol", "admin")) {
      assertThat(download(reader, id).getStatusCode()).as(reader).isEqualTo(HttpStatus.OK);
    }
    for (String outsider : List.of("bob", "olivia")) {
      var refused = download(outsider, id);
      assertThat(refused.getStatusCode()).as(outsider).isEqualTo(HttpStatus.NOT_FOUND);
      assertThat(refused.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }
    assertThat(download("alice", "no-such-attachment").getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);

    var listed =
        http.withBasicAuth("alice", "demo")
            .getForEntity("/api/tasks/" + task + "/attachments", String.class);
    assertThat(listed.getBody()).contains("\"id\":\"" + id + "\"");
    assertThat(
            http.withBasicAuth("bob", "demo")
                .getForEntity("/api/tasks/" + task + "/attachments", String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NOT_FOUND);
  }

  @Test
  void pngAndJpegAreAcceptedWithTheTypeOfTheirContent() throws Exception {
    long task = openPartnerTask();

    var png = upload("alice", task, "booth.png", null, SampleFiles.png());
    var jpeg =
        upload("alice", task, "audience.JPG", "application/octet-stream", SampleFiles.jpeg());

    assertThat(png.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(body(png).get("contentType").asText()).isEqualTo("image/png");
    assertThat(jpeg.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    assertThat(body(jpeg).get("contentType").asText()).isEqualTo("image/jpeg");
    assertThat(download("alice", body(jpeg).get("id").asText()).getHeaders().getContentType())
        .isEqualTo(MediaType.IMAGE_JPEG);
    assertThat(taskAttachments.forTask(task))
        .extracting(Attachment::fileName)
        .containsExactly("booth.png", "audience.JPG");
  }

  @Test
  void everyBadUploadGetsItsStatusAndFieldAndLeavesNoRowAndNoFile() throws Exception {
    long task = openPartnerTask();
    long rowsBefore = attachments.count();
    long filesBefore = storedFiles();
    byte[] pdf = SampleFiles.pdf();

    assertRefused(
        upload("alice", task, "page.pdf", "application/pdf", SampleFiles.html()),
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "file",
        "text/html");
    assertRefused(
        upload("alice", task, "archive.pdf", null, SampleFiles.zip()),
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "file",
        "application/zip");
    assertRefused(
        upload("alice", task, "setup.pdf", null, SampleFiles.exe()),
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "file",
        "application/x-");
    assertRefused(
        upload("alice", task, "photo.pdf", null, SampleFiles.png()),
        HttpStatus.BAD_REQUEST,
        "file",
        "ends in .pdf");
    assertRefused(
        upload("alice", task, "invoice.pdf", "image/png", pdf),
        HttpStatus.BAD_REQUEST,
        "file",
        "declared as image/png");
    assertRefused(
        upload("alice", task, "empty.pdf", "application/pdf", new byte[0]),
        HttpStatus.BAD_REQUEST,
        "file",
        "is empty");
    assertRefused(
        uploadBody("alice", task, multipart("document", "invoice.pdf", null, pdf)),
        HttpStatus.BAD_REQUEST,
        "file",
        "is missing");
    for (String pathLike : List.of("../../etc/passwd", "a/b.pdf", "..\\\\x.pdf", "..")) {
      assertRefused(
          upload("alice", task, pathLike, "application/pdf", pdf),
          HttpStatus.BAD_REQUEST,
          "fileName",
          "not a path");
    }
    assertRefused(
        upload("alice", task, "in\u202Egpj.pdf", "application/pdf", pdf),
        HttpStatus.BAD_REQUEST,
        "fileName",
        "control");
    byte[] oversized = new byte[10 * 1024 * 1024 + 1];
    System.arraycopy(pdf, 0, oversized, 0, pdf.length);
    assertRefused(
        upload("alice", task, "huge.pdf", "application/pdf", oversized),
        HttpStatus.PAYLOAD_TOO_LARGE,
        "file",
        "at most 10485760 bytes");

    assertThat(attachments.count()).isEqualTo(rowsBefore);
    assertThat(attachments.findByTaskIdOrderByUploadedAtAscIdAsc(task)).isEmpty();
    assertThat(storedFiles()).isEqualTo(filesBefore);
  }

  @Test
  void onlyWhoMayCompleteTheOpenTaskMayUpload() throws Exception {
    long task = openPartnerTask();
    long rowsBefore = attachments.count();
    long filesBefore = storedFiles();
    byte[] pdf = SampleFiles.pdf();

    assertNotFound(upload("bob", task, "invoice.pdf", "application/pdf", pdf));
    assertNotFound(upload("carol", task, "invoice.pdf", "application/pdf", pdf));
    assertNotFound(upload("alice", 9_999_999_999L, "invoice.pdf", "application/pdf", pdf));
    assertThat(
            http.withBasicAuth("alice", "demo")
                .postForEntity("/api/tasks/" + task + "/claim", null, String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.OK);
    var colleague = upload("anja", task, "invoice.pdf", "application/pdf", pdf);
    assertThat(colleague.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(colleague.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    var admin = upload("admin", task, "invoice.pdf", "application/pdf", pdf);
    assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(attachments.count()).isEqualTo(rowsBefore);
    assertThat(storedFiles()).isEqualTo(filesBefore);

    var headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    assertThat(
            http.withBasicAuth("alice", "demo")
                .exchange(
                    "/api/tasks/" + task + "/complete",
                    HttpMethod.POST,
                    new HttpEntity<>("{\"title\":\"Webinar\",\"budget\":500}", headers),
                    String.class)
                .getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertNotFound(upload("alice", task, "invoice.pdf", "application/pdf", pdf));
    assertThat(attachments.count()).isEqualTo(rowsBefore);
    assertThat(storedFiles()).isEqualTo(filesBefore);
  }

  private void assertNotFound(ResponseEntity<String> response) {
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private void assertRefused(
      ResponseEntity<String> response, HttpStatus status, String field, String reason)
      throws IOException {
    assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    JsonNode error = body(response).get("errors").get(0);
    assertThat(error.get("field").asText()).isEqualTo(field);
    assertThat(error.get("message").asText()).contains(reason);
  }
}
