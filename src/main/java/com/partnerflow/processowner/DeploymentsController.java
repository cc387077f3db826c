package com.partnerflow.processowner;

import static com.partnerflow.processowner.ProcessOwnerWorkspace.requireProcessOwner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.identity.PartnerflowUser;
import com.partnerflow.processowner.internal.DeploymentRecord;
import com.partnerflow.processowner.internal.DeploymentRecords;
import com.partnerflow.processowner.internal.Finding;
import com.partnerflow.processowner.internal.ResourceReader;
import com.partnerflow.processowner.internal.UploadRefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Deployments from the app: diagrams, decisions and forms uploaded by process owners, checked for
 * compatibility before the engine sees them, and the history of every attempt.
 */
@RestController
@Tag(name = "Process owners")
class DeploymentsController {

  static final int HISTORY_SIZE = 100;

  private final Deployments deployments;
  private final DeploymentRecords history;
  private final DecisionSimulation simulation;

  DeploymentsController(
      Deployments deployments, DeploymentRecords history, DecisionSimulation simulation) {
    this.deployments = deployments;
    this.history = history;
    this.simulation = simulation;
  }

  /** One definition the engine made of the files; exactly one of the three ids is set. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record ResourceView(
      String resourceName, String bpmnProcessId, String decisionId, String formId, int version) {

    static ResourceView of(DeploymentRecord.Resource r) {
      return new ResourceView(
          r.resourceName(),
          r.kind().equals("process") ? r.definitionId() : null,
          r.kind().equals("decision") ? r.definitionId() : null,
          r.kind().equals("form") ? r.definitionId() : null,
          r.version());
    }
  }

  /** An uploaded file with its checksum. */
  record FileView(String resourceName, String sha256, int sizeBytes) {}

  /** A deployment or a refused attempt. */
  record DeploymentView(
      long id,
      Long deploymentKey,
      String outcome,
      String deployedBy,
      Instant deployedAt,
      List<FileView> files,
      List<ResourceView> resources,
      List<Finding> findings) {

    static DeploymentView of(DeploymentRecord d) {
      return new DeploymentView(
          d.getId(),
          d.getDeploymentKey(),
          d.getOutcome().name(),
          d.getDeployedBy(),
          d.getDeployedAt(),
          d.getFiles().stream()
              .map(f -> new FileView(f.resourceName(), f.sha256(), f.sizeBytes()))
              .toList(),
          d.getResources().stream().map(ResourceView::of).toList(),
          d.getFindings());
    }
  }

  @PostMapping(
      value = "/api/deployments",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(
      operationId = "createDeployment",
      summary = "Deploy diagrams, decisions and forms after the compatibility check",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          Multipart, one or more parts named `files`: `.bpmn`, `.dmn` and `.form` files, deployed \
          together. Before anything reaches the engine the compatibility check looks at every job \
          type (a `@JobWorker` of this service or `partnerflow.deployments.external-job-types`), \
          form key (`forms/` or this deployment), candidate group (groups of the users or \
          `partnerflow.deployments.known-groups`; partner tasks as `=["partner:" + partnerId]`), \
          called decision and called process (deployed or in this deployment), and that each \
          process and form id equals its file name and belongs to no other file. Warnings do not \
          stop a deployment. Every attempt, refused or not, is kept in the history.""")
  @ApiResponse(
      responseCode = "201",
      description = "Deployed: the engine's deployment key, each definition's version, warnings")
  @ApiResponse(
      responseCode = "400",
      description =
          "A file is no BPMN, DMN or form, has another extension, a bad name, a DOCTYPE (XXE,"
              + " entity expansion) or is not well-formed; no `files` part")
  @ApiResponse(responseCode = "404", description = "The caller is no process owner or admin")
  @ApiResponse(
      responseCode = "413",
      description = "A file is larger than `partnerflow.deployments.max-file-size`")
  @ApiResponse(
      responseCode = "422",
      description =
          "The compatibility check or the engine found errors, listed in `findings[]` as"
              + " `{severity, resourceName, elementId, rule, message}`; nothing was deployed")
  DeploymentView deploy(
      @RequestPart("files") List<MultipartFile> files,
      @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return DeploymentView.of(deployments.deploy(uploads(files), user.username()));
  }

  @PostMapping(
      value = "/api/deployments/simulation",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "simulateDecision",
      summary = "Simulate a changed decision on the current period's real cases",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          Multipart, one part `file`: a `.dmn` file. Nothing is deployed. Each real case of the \
          current period (for `mdf-approval-routing`: the MDF requests submitted in the current \
          fund period, with their requested amount, the partner's tier and the risk level) is \
          evaluated by the deployed decision and by the uploaded one. The answer counts the cases \
          per outcome before and after (`byOutcome`) and lists the cases whose outcome changes \
          (`cases`, with the amount at stake).""")
  @ApiResponse(
      responseCode = "200",
      description = "`{decisionId, period, evaluated, changed, byOutcome[], cases[]}`")
  @ApiResponse(
      responseCode = "400",
      description = "No `file` part, or a file that is no DMN, has a DOCTYPE or is not well-formed")
  @ApiResponse(responseCode = "404", description = "The caller is no process owner or admin")
  @ApiResponse(
      responseCode = "413",
      description = "The file is larger than `partnerflow.deployments.max-file-size`")
  @ApiResponse(
      responseCode = "422",
      description =
          "The decision is invalid, fails on a case, or none of its decisions has real cases to"
              + " run on")
  DecisionSimulation.Result simulate(
      @RequestPart("file") MultipartFile file, @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return simulation.simulate(uploads(List.of(file)).get(0));
  }

  static List<ResourceReader.Upload> uploads(List<MultipartFile> files) {
    return files.stream()
        .map(
            f -> {
              try {
                return new ResourceReader.Upload(f.getOriginalFilename(), f.getBytes());
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            })
        .toList();
  }

  @GetMapping(value = "/api/deployments", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "listDeployments",
      summary = "List the deployments made through the service, newest first",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).

          The latest 100 attempts, deployed or refused, with files, checksums, deployer, \
          definitions and findings. What `bpmn/` deploys at startup is not listed here (see \
          `GET /api/processes`).""")
  @ApiResponse(responseCode = "200", description = "The deployments, newest first")
  @ApiResponse(responseCode = "404", description = "The caller is no process owner or admin")
  List<DeploymentView> list(@AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return history.findAllByOrderByDeployedAtDescIdDesc(PageRequest.of(0, HISTORY_SIZE)).stream()
        .map(DeploymentView::of)
        .toList();
  }

  @GetMapping(value = "/api/deployments/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      operationId = "getDeployment",
      summary = "Read one deployment or refused attempt",
      description =
          """
          **Who:** process owners and admins (to everyone else this does not exist).""")
  @ApiResponse(responseCode = "200", description = "The deployment")
  @ApiResponse(
      responseCode = "404",
      description = "No such deployment, or the caller is no process owner or admin")
  DeploymentView get(@PathVariable long id, @AuthenticationPrincipal PartnerflowUser user) {
    requireProcessOwner(user);
    return history
        .findById(id)
        .map(DeploymentView::of)
        .orElseThrow(() -> new NotFoundException("Deployment " + id));
  }

  @ExceptionHandler(DeploymentRefused.class)
  ProblemDetail refused(DeploymentRefused e) {
    DeploymentRecord record = e.record();
    List<Finding> findings = record.getFindings();
    long errors = findings.stream().filter(Finding::isError).count();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.UNPROCESSABLE_ENTITY,
            errors + (errors == 1 ? " error" : " errors") + " found; nothing was deployed");
    problem.setTitle("Deployment refused");
    problem.setProperty("findings", findings);
    problem.setProperty("deploymentId", record.getId());
    return problem;
  }

  @ExceptionHandler(DecisionSimulation.SimulationRefused.class)
  ProblemDetail notSimulated(DecisionSimulation.SimulationRefused e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage());
    problem.setTitle("Simulation refused");
    problem.setProperty("errors", List.of(new FieldProblem("file", e.getMessage())));
    return problem;
  }

  @ExceptionHandler(UploadRefusedException.class)
  ProblemDetail unreadable(UploadRefusedException e) {
    HttpStatus status = e.tooLarge() ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
    problem.setTitle(e.tooLarge() ? "File too large" : "Invalid request");
    problem.setProperty("errors", List.of(new FieldProblem(e.field(), e.getMessage())));
    return problem;
  }
}
