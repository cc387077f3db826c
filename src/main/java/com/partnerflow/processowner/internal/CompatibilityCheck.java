package com.partnerflow.processowner.internal;

import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.ExtensionElements;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeUserTask;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Checks a deployment against what this service can run, before the engine sees it: job types
 * without a worker, forms that do not exist, unknown candidate groups, partner tasks that break the
 * partner-group convention, decisions and processes that are not deployed, and ids that do not
 * match their file or belong to another file; and the variables each process reads against those
 * produced before ({@link VariableFlowCheck}).
 */
public final class CompatibilityCheck {

  static final String PARTNER_PREFIX = "partner:";
  static final String APPLICANT_PREFIX = "applicant:";
  private static final Pattern STRING_LITERAL = Pattern.compile("\"([^\"]*)\"");
  private static final Pattern PARTNER_EXPRESSION =
      Pattern.compile("\"partner:\"\\s*\\+\\s*partnerId\\b");

  private final Landscape landscape;

  public CompatibilityCheck(Landscape landscape) {
    this.landscape = landscape;
  }

  public List<Finding> check(List<ParsedResource> resources) {
    Upload upload = Upload.of(resources);
    VariableContracts variables = landscape.variables().with(resources);
    List<Finding> findings = new ArrayList<>(upload.duplicates);
    for (ParsedResource resource : resources) {
      switch (resource) {
        case ParsedResource.Bpmn bpmn -> {
          findings.addAll(new DiagramCheck(bpmn, upload).run());
          for (Process process : bpmn.model().getModelElementsByType(Process.class)) {
            findings.addAll(new VariableFlowCheck(bpmn.name(), process, variables).run());
          }
        }
        case ParsedResource.Form form -> idMatchesFileName(form.name(), form.formId(), findings);
        case ParsedResource.Dmn dmn -> {}
      }
    }
    return findings;
  }

  /** What the uploaded files themselves define. */
  private record Upload(
      Set<String> processIds,
      Set<String> decisionIds,
      Set<String> formIds,
      List<Finding> duplicates) {

    static Upload of(List<ParsedResource> resources) {
      Map<String, String> seen = new HashMap<>();
      List<Finding> duplicates = new ArrayList<>();
      Set<String> processes = new HashSet<>();
      Set<String> decisions = new HashSet<>();
      Set<String> forms = new HashSet<>();
      for (ParsedResource resource : resources) {
        List<String> ids =
            switch (resource) {
              case ParsedResource.Bpmn b ->
                  b.model().getModelElementsByType(Process.class).stream()
                      .map(Process::getId)
                      .toList();
              case ParsedResource.Dmn d -> d.decisionIds();
              case ParsedResource.Form f -> List.of(f.formId());
            };
        for (String id : ids) {
          String other = seen.putIfAbsent(id, resource.name());
          if (other != null) {
            duplicates.add(
                Finding.error(
                    resource.name(),
                    id,
                    "duplicate-id",
                    "The id '" + id + "' is also defined in " + other + " of this deployment"));
          }
        }
        (resource instanceof ParsedResource.Bpmn
                ? processes
                : resource instanceof ParsedResource.Dmn ? decisions : forms)
            .addAll(ids);
      }
      return new Upload(processes, decisions, forms, duplicates);
    }
  }

  private static void idMatchesFileName(String resource, String id, List<Finding> findings) {
    String base = resource.substring(0, resource.lastIndexOf('.'));
    if (!base.equals(id)) {
      findings.add(
          Finding.error(
              resource,
              id,
              "id-equals-file-name",
              "The id '"
                  + id
                  + "' must equal the file name without extension ('"
                  + base
                  + "'): process owners and the service find definitions by that name"));
    }
  }

  /** The checks of one diagram. */
  private final class DiagramCheck {
    private final String resource;
    private final BpmnModelInstance model;
    private final Upload upload;
    private final List<Finding> findings = new ArrayList<>();

    DiagramCheck(ParsedResource.Bpmn bpmn, Upload upload) {
      this.resource = bpmn.name();
      this.model = bpmn.model();
      this.upload = upload;
    }

    List<Finding> run() {
      model.getModelElementsByType(Process.class).forEach(this::processId);
      model.getModelElementsByType(ZeebeTaskDefinition.class).forEach(this::jobType);
      model.getModelElementsByType(UserTask.class).forEach(this::userTask);
      model.getModelElementsByType(ZeebeCalledDecision.class).forEach(this::calledDecision);
      model.getModelElementsByType(ZeebeCalledElement.class).forEach(this::calledProcess);
      return findings;
    }

    private void processId(Process process) {
      idMatchesFileName(resource, process.getId(), findings);
      String owner = landscape.processFiles().get(process.getId());
      if (owner != null && !owner.equals(resource)) {
        error(
            process.getId(),
            "process-id-owned",
            "The process id '"
                + process.getId()
                + "' belongs to "
                + owner
                + "; deploy the change as "
                + owner
                + " or give the process another id");
      }
    }

    private void jobType(ZeebeTaskDefinition definition) {
      String element = ownerId(definition);
      String type = definition.getType();
      if (type == null || type.isBlank()) {
        return; // the engine refuses it with its own message
      }
      if (type.startsWith("=")) {
        findings.add(
            Finding.warning(
                resource,
                element,
                "job-worker",
                "The job type is an expression ("
                    + type
                    + "); whether a worker exists is unknown"));
      } else if (!landscape.workerTypes().contains(type)
          && !landscape.externalJobTypes().contains(type)) {
        error(
            element,
            "job-worker",
            "No job worker in this service works the job type '"
                + type
                + "', and it is not declared external (partnerflow.deployments.external-job-types):"
                + " every instance would wait here");
      }
    }

    private void userTask(UserTask task) {
      if (task.getSingleExtensionElement(ZeebeUserTask.class) != null) {
        error(
            task.getId(),
            "job-worker-user-task",
            "A Camunda user task (zeebe:userTask) never reaches the Partnerflow inbox; model a job"
                + " worker-based user task (implementation 'Job worker' in Camunda Modeler)");
      }
      ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
      if (form == null
          || (isBlank(form.getFormKey())
              && isBlank(form.getFormId())
              && isBlank(form.getExternalReference()))) {
        findings.add(
            Finding.warning(
                resource,
                task.getId(),
                "form-key",
                "The task has no form: the person working it sees no fields"));
      } else {
        form(task.getId(), form);
      }
      ZeebeAssignmentDefinition assignment =
          task.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
      if (assignment != null && !isBlank(assignment.getCandidateGroups())) {
        candidateGroups(task.getId(), assignment.getCandidateGroups().trim());
      }
    }

    private void form(String element, ZeebeFormDefinition form) {
      String key = form.getFormKey();
      if (!isBlank(key)) {
        if (landscape.formInForms().test(key)) {
          return;
        }
        if (upload.formIds().contains(key)) {
          findings.add(
              Finding.warning(
                  resource,
                  element,
                  "form-key",
                  "The form '"
                      + key
                      + "' comes with this deployment, but the inbox shows forms from forms/:"
                      + " until the file is added there, its tasks show a form problem"));
          return;
        }
        error(
            element,
            "form-key",
            "The form '" + key + "' is neither in forms/ nor in this deployment");
      } else if (!isBlank(form.getFormId())
          && !upload.formIds().contains(form.getFormId())
          && !landscape.deployedFormIds().contains(form.getFormId())) {
        error(
            element,
            "form-key",
            "The linked form '"
                + form.getFormId()
                + "' is neither deployed nor in this deployment");
      }
    }

    private void candidateGroups(String element, String groups) {
      if (!groups.startsWith("=")) {
        for (String group : groups.split(",")) {
          staticGroup(element, group.trim());
        }
        return;
      }
      if (groups.contains("\"" + PARTNER_PREFIX + "\"")
          && !PARTNER_EXPRESSION.matcher(groups).find()) {
        partnerConvention(element);
      }
      Matcher literals = STRING_LITERAL.matcher(groups);
      while (literals.find()) {
        String literal = literals.group(1);
        if (literal.endsWith(":")) {
          if (!literal.equals(PARTNER_PREFIX) && !literal.equals(APPLICANT_PREFIX)) {
            error(
                element,
                "candidate-group",
                "'"
                    + literal
                    + "' is no known group prefix; partner tasks use \"partner:\", applicant"
                    + " tasks \"applicant:\"");
          }
        } else {
          knownGroup(element, literal);
        }
      }
    }

    private void staticGroup(String element, String group) {
      if (group.startsWith(PARTNER_PREFIX) || group.startsWith(APPLICANT_PREFIX)) {
        partnerConvention(element);
      } else {
        knownGroup(element, group);
      }
    }

    private void partnerConvention(String element) {
      error(
          element,
          "partner-group",
          "A partner task names the partner of the case by expression:"
              + " candidateGroups =[\"partner:\" + partnerId], so only that"
              + " organisation sees it (README, 'Human tasks: how to model them')");
    }

    private void knownGroup(String element, String group) {
      if (!group.isEmpty() && !landscape.knownGroups().contains(group)) {
        error(
            element,
            "candidate-group",
            "The candidate group '"
                + group
                + "' has no members and is not configured"
                + " (partnerflow.deployments.known-groups): nobody would see the task");
      }
    }

    private void calledDecision(ZeebeCalledDecision called) {
      String id = called.getDecisionId();
      String element = ownerId(called);
      if (isBlank(id) || id.startsWith("=")) {
        return;
      }
      if (!landscape.decisionIds().contains(id) && !upload.decisionIds().contains(id)) {
        error(
            element,
            "called-decision",
            "The decision '" + id + "' is neither deployed nor in this deployment");
      }
    }

    private void calledProcess(ZeebeCalledElement called) {
      String id = called.getProcessId();
      String element = ownerId(called);
      if (isBlank(id) || id.startsWith("=")) {
        return;
      }
      if (!landscape.processFiles().containsKey(id) && !upload.processIds().contains(id)) {
        error(
            element,
            "called-process",
            "The process '" + id + "' is neither deployed nor in this deployment");
      }
    }

    private void error(String element, String rule, String message) {
      findings.add(Finding.error(resource, element, rule, message));
    }
  }

  /** The element an extension element belongs to. */
  private static String ownerId(ModelElementInstance extension) {
    ModelElementInstance parent = extension.getParentElement();
    while (parent != null
        && (parent instanceof ExtensionElements || !(parent instanceof BaseElement))) {
      parent = parent.getParentElement();
    }
    return parent == null ? null : ((BaseElement) parent).getId();
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
