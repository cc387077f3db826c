package com.partnerflow.dispute;

import com.partnerflow.identity.PartnerflowUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** {@code /api/disputes}: partners dispute decisions; internal users follow and measure them. */
@RestController
@Tag(name = "Disputes", description = "Partners' formal challenges of decisions, and their review")
class DisputeController {

  private static final String ID = "The dispute's id";
  private static final String NOT_VISIBLE =
      "No such dispute, or another partner's (for a partner user)";

  private final DisputeService service;
  private final DisputeTrail trail;
  private final DisputeStats stats;
  private final DisputeEvidence evidence;

  DisputeController(
      DisputeService service, DisputeTrail trail, DisputeStats stats, DisputeEvidence evidence) {
    this.service = service;
    this.trail = trail;
    this.stats = stats;
    this.evidence = evidence;
  }

  /** The answer to opening a dispute. */
  record OpenedDispute(
      @Schema(example = "5d0c1a4e-8f0b-4b7e-a1a2-3c4d5e6f7a8b") String id,
      @Schema(example = "OPEN") String status) {}

  /** The disputes a caller may see, newest first. */
  record DisputePage(List<DisputeView> items, int total) {}

  @PostMapping("/api/disputes")
  @Operation(
      operationId = "openDispute",
      summary = "Dispute a decision",
      description =
          """
          **Who:** partner users, about their own partner's subjects (internal users get `403`).

          Subjects: a rejected or reduced MDF request (`MDF_REQUEST`), a rejected or partially \
          approved claim (`CLAIM`), a payment the bank has not confirmed within the period the \
          `dispute-window` DMN sets after its instruction (`PAYMENT`). A decision can be disputed \
          within the DMN's window (30 days by default); a subject has at most one open dispute. \
          `disputedAmount` may not exceed what the decision withheld. Starts the \
          `dispute-escalation` process.""")
  @io.swagger.v3.oas.annotations.parameters.RequestBody(
      content =
          @Content(
              examples =
                  @ExampleObject(
                      name = "claim",
                      summary = "A rejected claim",
                      value =
                          "{\"subjectType\":\"CLAIM\",\"subjectId\":"
                              + "\"0b6f7c1e-3c1a-4a51-9d0e-5a3f2f7f9d11\",\"disputedAmount\":"
                              + "450.15,\"category\":\"EVIDENCE\",\"explanation\":"
                              + "\"The invoice was attached as a PDF.\"}")))
  @ApiResponse(
      responseCode = "201",
      description = "Opened; `Location` names the dispute",
      headers =
          @Header(
              name = "Location",
              description = "`/api/disputes/{id}`",
              schema = @Schema(type = "string")))
  @ApiResponse(
      responseCode = "400",
      description =
          "Missing or invalid fields, or `disputedAmount` above what the decision withheld; each"
              + " in `errors[]`")
  @ApiResponse(responseCode = "403", description = "The caller is no partner user")
  @ApiResponse(
      responseCode = "404",
      description = "No such subject, or another partner's: nothing is said about it")
  @ApiResponse(
      responseCode = "409",
      description =
          "The subject is undecided (or granted in full, or a payment not late), past the window,"
              + " or already has an open dispute")
  @ApiResponse(
      responseCode = "503",
      description = "The process engine did not start the dispute; nothing was stored")
  ResponseEntity<OpenedDispute> open(
      @RequestBody DisputeRequest request, @AuthenticationPrincipal PartnerflowUser user) {
    Dispute d = service.open(user, request);
    return ResponseEntity.created(URI.create("/api/disputes/" + d.getId()))
        .body(new OpenedDispute(d.getId(), DisputeStatus.OPEN.name()));
  }

  @GetMapping("/api/disputes/{id}")
  @Operation(
      operationId = "getDispute",
      summary = "Read a dispute with its audit trail",
      description =
          """
          **Who:** the partner's own users (steps name the acting group, not the person) and \
          internal users.

          `holderGroup` and `slaDueAt` say who holds the dispute and when a decision is due; \
          `outcome`, `settledAmount` and `reason` are set once it is resolved. `evidence` lists \
          the files uploaded to the dispute's tasks (`POST /api/tasks/{id}/attachments`, e.g. on \
          the partner's information request); each `href` downloads one.""")
  @ApiResponse(responseCode = "200", description = "The dispute")
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  DisputeView get(
      @Parameter(description = ID) @PathVariable String id,
      @AuthenticationPrincipal PartnerflowUser user) {
    Dispute d = service.get(user, id);
    return DisputeView.of(d, trail.of(id), evidence.of(d), user.isPartnerUser());
  }

  @GetMapping("/api/disputes")
  @Operation(
      operationId = "listDisputes",
      summary = "List the disputes the caller may see",
      description =
          """
          **Who:** partner users see their own partner's, internal users all; newest first, \
          without the audit trail.""")
  @ApiResponse(responseCode = "200", description = "The disputes")
  DisputePage list(@AuthenticationPrincipal PartnerflowUser user) {
    List<DisputeView> items =
        service.list(user).stream()
            .map(d -> DisputeView.of(d, null, user.isPartnerUser()))
            .toList();
    return new DisputePage(items, items.size());
  }

  @PostMapping("/api/disputes/{id}/withdraw")
  @Operation(
      operationId = "withdrawDispute",
      summary = "Withdraw a dispute",
      description =
          """
          **Who:** the partner's users.

          An undecided dispute is WITHDRAWN and its process is cancelled; its open tasks leave \
          the inbox. The subject may be disputed again within its window.""")
  @ApiResponse(responseCode = "200", description = "The dispute, now WITHDRAWN")
  @ApiResponse(responseCode = "403", description = "An internal user")
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  @ApiResponse(responseCode = "409", description = "The dispute is resolved or withdrawn already")
  @ApiResponse(
      responseCode = "503",
      description = "The process engine did not cancel the process; nothing changed, try again")
  DisputeView withdraw(
      @Parameter(description = ID) @PathVariable String id,
      @AuthenticationPrincipal PartnerflowUser user) {
    Dispute d = service.withdraw(user, id);
    return DisputeView.of(d, trail.of(id), evidence.of(d), true);
  }

  @PostMapping(path = "/api/disputes/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      operationId = "addDisputeEvidence",
      summary = "Hand in an evidence file with a dispute",
      description =
          """
          **Who:** the partner's users, while the dispute is undecided.

          Multipart part `file` (PDF, PNG or JPEG, see `partnerflow.attachments.*`; the type is \
          detected from the content), e.g. right after `POST /api/disputes` on the dispute form. \
          The file joins the dispute's `evidence[]` and its history (`EVIDENCE_ADDED`); it is \
          downloaded at `GET /api/attachments/{id}` under that endpoint's rules.""")
  @ApiResponse(responseCode = "201", description = "Stored; the file as `evidence[]` lists it")
  @ApiResponse(
      responseCode = "400",
      description = "No or empty file, a path-like file name, a name the content contradicts")
  @ApiResponse(responseCode = "403", description = "An internal user")
  @ApiResponse(responseCode = "404", description = NOT_VISIBLE)
  @ApiResponse(responseCode = "409", description = "The dispute is resolved or withdrawn")
  @ApiResponse(responseCode = "413", description = "The file is larger than allowed")
  @ApiResponse(responseCode = "415", description = "The content is not PDF, PNG or JPEG")
  ResponseEntity<DisputeView.Evidence> addEvidence(
      @Parameter(description = ID) @PathVariable String id,
      @RequestPart(name = "file", required = false) MultipartFile file,
      @AuthenticationPrincipal PartnerflowUser user) {
    DisputeView.Evidence added = evidence.add(user, id, file);
    return ResponseEntity.created(URI.create(added.href())).body(added);
  }

  @GetMapping("/api/disputes/stats")
  @Operation(
      operationId = "getDisputeStats",
      summary = "Dispute numbers for governance",
      description =
          """
          **Who:** internal users (partner users get `403`).

          Open disputes by status, median and p90 time to resolution, overturn rate (overturned \
          or settled among resolved) per decision type and per original decider group, and \
          disputes per partner tier.""")
  @ApiResponse(responseCode = "200", description = "The numbers")
  @ApiResponse(responseCode = "403", description = "A partner user")
  DisputeStats.Stats stats(@AuthenticationPrincipal PartnerflowUser user) {
    return stats.stats(user);
  }
}
