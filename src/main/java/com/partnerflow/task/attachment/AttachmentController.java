package com.partnerflow.task.attachment;

import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.task.Attachment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence files: uploaded to a task before it is completed, downloaded by whoever may read. */
@RestController
@Tag(name = "Tasks", description = "The task inbox: the human steps of every process")
class AttachmentController {

  private final AttachmentService service;

  AttachmentController(AttachmentService service) {
    this.service = service;
  }

  /** An uploaded file as the API shows it. */
  record AttachmentView(
      String id,
      String fileName,
      String contentType,
      String sha256,
      long size,
      String uploadedBy,
      Instant uploadedAt) {
    static AttachmentView of(Attachment a) {
      return new AttachmentView(
          a.id(),
          a.fileName(),
          a.contentType(),
          a.sha256(),
          a.size(),
          a.uploadedBy(),
          a.uploadedAt());
    }
  }

  @Operation(
      operationId = "uploadTaskAttachment",
      summary = "Upload an evidence file to a task",
      description =
          "**Who:** a user who may complete the open task.\n\nMultipart part 'file' (PDF, PNG or JPEG, see partnerflow.attachments.*), sent before the"
              + " task is completed. The type is detected from the content; name and declared type"
              + " must agree with it. Only a user who may complete the open task may upload.")
  @ApiResponse(
      responseCode = "201",
      description = "stored: id, fileName, contentType, sha256, size")
  @ApiResponse(
      responseCode = "400",
      description =
          "no or empty file, a path-like file name, a name or declared type the content"
              + " contradicts")
  @ApiResponse(responseCode = "404", description = "unknown, closed or another organisation's task")
  @ApiResponse(responseCode = "409", description = "the task is claimed by someone else")
  @ApiResponse(responseCode = "413", description = "the file is larger than allowed")
  @ApiResponse(responseCode = "415", description = "the content is not PDF, PNG or JPEG")
  @PostMapping(path = "/api/tasks/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<AttachmentView> upload(
      @PathVariable long id,
      @RequestPart(name = "file", required = false) MultipartFile file,
      @AuthenticationPrincipal PartnerflowUser user) {
    Attachment attachment = service.upload(id, file, user);
    return ResponseEntity.created(URI.create("/api/attachments/" + attachment.id()))
        .body(AttachmentView.of(attachment));
  }

  @Operation(
      operationId = "listTaskAttachments",
      summary = "The files uploaded to a task",
      description = "**Who:** anyone who may see the task.\n\nOldest first.")
  @ApiResponse(responseCode = "200", description = "The task's files")
  @ApiResponse(responseCode = "404", description = "unknown or another organisation's task")
  @GetMapping("/api/tasks/{id}/attachments")
  List<AttachmentView> ofTask(
      @PathVariable long id, @AuthenticationPrincipal PartnerflowUser user) {
    return service.ofTask(id, user).stream().map(AttachmentView::of).toList();
  }

  @Operation(
      operationId = "downloadAttachment",
      summary = "Download an evidence file",
      description =
          "**Who:** partner users for their own organisation's files, members of"
              + " partnerflow.attachments.reader-groups for every file, and the uploader.\n\nThe"
              + " content as uploaded, with its detected type, as an attachment.")
  @ApiResponse(responseCode = "200", description = "The file's content")
  @ApiResponse(responseCode = "404", description = "unknown, or not readable by the caller")
  @GetMapping("/api/attachments/{id}")
  ResponseEntity<InputStreamResource> download(
      @PathVariable String id, @AuthenticationPrincipal PartnerflowUser user) {
    StoredAttachment attachment = service.readable(id, user);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(attachment.getContentType()))
        .contentLength(attachment.getSize())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(attachment.getFileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(new InputStreamResource(service.content(attachment)));
  }
}
