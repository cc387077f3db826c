package com.partnerflow.processowner.internal;

import com.partnerflow.task.TaskCompletion;
import io.camunda.zeebe.model.bpmn.instance.Activity;
import io.camunda.zeebe.model.bpmn.instance.BaseElement;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.CallActivity;
import io.camunda.zeebe.model.bpmn.instance.CatchEvent;
import io.camunda.zeebe.model.bpmn.instance.ErrorEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.EventDefinition;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Message;
import io.camunda.zeebe.model.bpmn.instance.MessageEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.ReceiveTask;
import io.camunda.zeebe.model.bpmn.instance.SequenceFlow;
import io.camunda.zeebe.model.bpmn.instance.StartEvent;
import io.camunda.zeebe.model.bpmn.instance.SubProcess;
import io.camunda.zeebe.model.bpmn.instance.TimerEventDefinition;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeAssignmentDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledDecision;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeCalledElement;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeIoMapping;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeLoopCharacteristics;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeScript;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeSubscription;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeTaskDefinition;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * Follows the variables through one process: what each element can read is what the elements before
 * it produced (start variables, workers' results, the fields of forms, decision results, messages,
 * output mappings) and its own inputs. A worker whose required variables nothing before it produces
 * is an error, because every instance would fail there; an expression or a called decision that
 * reads such a variable is a warning, because FEEL reads a missing variable as {@code null}.
 * "Before" means on some path: branches are not told apart, so the check finds variables that can
 * never exist, not those that exist on one path only. Where the variables of an element are unknown
 * (a job type without declaration, a call activity that passes all its child's variables, a message
 * this service does not publish) or no flow reaches an element, what follows it is not checked.
 */
final class VariableFlowCheck {

  /** Stands for "any variable": an element whose variables are unknown. */
  private static final String ANY = "*";

  private final String resource;
  private final VariableContracts contracts;
  private final Process process;
  private final List<FlowNode> nodes = new ArrayList<>();
  private final List<SequenceFlow> flows = new ArrayList<>();
  private final Map<FlowNode, Set<FlowNode>> before = new HashMap<>();
  private final Map<FlowNode, Set<String>> available = new HashMap<>();
  private final List<Finding> findings = new ArrayList<>();

  VariableFlowCheck(String resource, Process process, VariableContracts contracts) {
    this.resource = resource;
    this.process = process;
    this.contracts = contracts;
  }

  List<Finding> run() {
    collect(process.getFlowElements());
    nodes.forEach(n -> before.put(n, new LinkedHashSet<>()));
    linkFlows();
    linkSubProcesses();
    linkBoundaryEvents();
    for (FlowNode node : nodes) {
      check(node);
    }
    return findings;
  }

  private void collect(Collection<? extends ModelElementInstance> elements) {
    for (ModelElementInstance element : elements) {
      if (element instanceof FlowNode node) {
        nodes.add(node);
      }
      if (element instanceof SequenceFlow flow) {
        flows.add(flow);
      }
      if (element instanceof SubProcess sub) {
        collect(sub.getFlowElements());
      }
    }
  }

  /** By the flows' source and target, which every diagram has (incoming/outgoing are optional). */
  private void linkFlows() {
    for (SequenceFlow flow : flows) {
      before.get(flow.getTarget()).add(flow.getSource());
    }
  }

  /**
   * A sub-process's start follows what precedes the sub-process, and what follows it sees what ran
   * inside; an event sub-process may start after anything of its scope.
   */
  private void linkSubProcesses() {
    for (FlowNode node : nodes) {
      if (!(node instanceof SubProcess sub)) {
        continue;
      }
      Set<FlowNode> entry =
          sub.triggeredByEvent()
              ? new HashSet<>(scopeNodes(sub.getParentElement()))
              : new HashSet<>(before.get(sub));
      entry.remove(sub);
      for (FlowNode inner : scopeNodes(sub)) {
        if (inner instanceof StartEvent) {
          before.get(inner).addAll(entry);
        }
        if (!sub.triggeredByEvent()) {
          before.get(sub).add(inner);
        }
      }
    }
  }

  /**
   * A boundary event follows what precedes its activity; an error boundary also sees the activity's
   * error variables, and one on a sub-process what ran inside it.
   */
  private void linkBoundaryEvents() {
    for (FlowNode node : nodes) {
      if (node instanceof BoundaryEvent boundary) {
        Activity activity = boundary.getAttachedTo();
        before.get(boundary).addAll(before.getOrDefault(activity, Set.of()));
        if (has(boundary, ErrorEventDefinition.class)) {
          before.get(boundary).add(activity);
        }
        if (activity instanceof SubProcess sub) {
          before.get(boundary).addAll(scopeNodes(sub));
        }
      }
    }
  }

  private List<FlowNode> scopeNodes(ModelElementInstance scope) {
    return nodes.stream().filter(n -> scope.equals(n.getParentElement())).toList();
  }

  /** What the elements before {@code node} produced, and the inputs of its enclosing scopes. */
  private Set<String> availableAt(FlowNode node) {
    Set<String> known = available.get(node);
    if (known != null) {
      return known;
    }
    Set<String> names = new HashSet<>();
    if (before.get(node).isEmpty() && !(node instanceof StartEvent)) {
      // No flow reaches it: a modelling mistake the diagram lint reports, not a variable problem.
      names.add(ANY);
    }
    Deque<FlowNode> open = new ArrayDeque<>(before.get(node));
    Set<FlowNode> seen = new HashSet<>();
    while (!open.isEmpty()) {
      FlowNode earlier = open.pop();
      if (seen.add(earlier)) {
        names.addAll(produced(earlier));
        open.addAll(before.get(earlier));
      }
    }
    for (ModelElementInstance scope = node.getParentElement();
        scope instanceof SubProcess sub;
        scope = sub.getParentElement()) {
      names.addAll(inputs(sub));
    }
    available.put(node, names);
    return names;
  }

  /** The variables an element leaves behind for those after it. */
  private Set<String> produced(FlowNode node) {
    Set<String> names = new HashSet<>(results(node));
    mapping(node).ifPresent(m -> m.getOutputs().forEach(o -> names.add(root(o.getTarget()))));
    loop(node)
        .map(ZeebeLoopCharacteristics::getOutputCollection)
        .filter(c -> c != null && !c.isBlank())
        .ifPresent(c -> names.add(root(c)));
    return names;
  }

  /** What an element itself produces, before its output mappings. */
  private Set<String> results(FlowNode node) {
    ZeebeTaskDefinition job = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
    if (job != null) {
      WorkerContract worker = contracts.workers().get(job.getType());
      return worker == null || !worker.declared() ? Set.of(ANY) : worker.produces();
    }
    if (node instanceof UserTask task) {
      return formVariables(task);
    }
    ZeebeCalledDecision decision = node.getSingleExtensionElement(ZeebeCalledDecision.class);
    if (decision != null) {
      return names(decision.getResultVariable());
    }
    ZeebeScript script = node.getSingleExtensionElement(ZeebeScript.class);
    if (script != null) {
      return names(script.getResultVariable());
    }
    ZeebeCalledElement called = node.getSingleExtensionElement(ZeebeCalledElement.class);
    if (node instanceof CallActivity) {
      return called == null || called.isPropagateAllChildVariablesEnabled()
          ? Set.of(ANY)
          : Set.of();
    }
    if (node instanceof StartEvent start && process.equals(start.getParentElement())) {
      if (has(start, TimerEventDefinition.class)) {
        return Set.of();
      }
      Optional<Message> message = message(start);
      if (message.isPresent()) {
        return messageVariables(message.get());
      }
      return Optional.ofNullable(contracts.processStarts().get(process.getId()))
          .orElse(Set.of(ANY));
    }
    if (node instanceof StartEvent start && has(start, ErrorEventDefinition.class)) {
      return Set.of(ANY);
    }
    return message(node).map(this::messageVariables).orElse(Set.of());
  }

  private Set<String> formVariables(UserTask task) {
    ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
    if (form == null || form.getFormKey() == null || form.getFormKey().isBlank()) {
      return Set.of(ANY);
    }
    return contracts
        .formVariables()
        .apply(form.getFormKey())
        .<Set<String>>map(
            fields -> {
              Set<String> names = new HashSet<>(fields);
              names.add(TaskCompletion.COMPLETED_BY_VARIABLE);
              names.add(TaskCompletion.COMPLETED_TASK_VARIABLE);
              return names;
            })
        .orElse(Set.of(ANY));
  }

  private Set<String> messageVariables(Message message) {
    return Optional.ofNullable(contracts.messages().get(message.getName())).orElse(Set.of(ANY));
  }

  private void check(FlowNode node) {
    Set<String> at = new HashSet<>(availableAt(node));
    if (at.contains(ANY)) {
      return;
    }
    Optional<ZeebeLoopCharacteristics> loop = loop(node);
    loop.ifPresent(
        l -> read(node, "the multi-instance input collection", l.getInputCollection(), at));
    loop.map(ZeebeLoopCharacteristics::getInputElement)
        .filter(e -> e != null && !e.isBlank())
        .ifPresent(e -> at.add(root(e)));
    mapping(node)
        .ifPresent(
            m ->
                m.getInputs()
                    .forEach(
                        i -> {
                          read(node, "an input mapping", i.getSource(), at);
                          at.add(root(i.getTarget()));
                        }));
    requiredByWorker(node, at);
    ZeebeCalledDecision decision = node.getSingleExtensionElement(ZeebeCalledDecision.class);
    if (decision != null) {
      decisionInputs(node, decision.getDecisionId(), at);
    }
    ZeebeAssignmentDefinition assignment =
        node.getSingleExtensionElement(ZeebeAssignmentDefinition.class);
    if (assignment != null) {
      read(node, "the candidate groups", assignment.getCandidateGroups(), at);
      read(node, "the candidate users", assignment.getCandidateUsers(), at);
      read(node, "the assignee", assignment.getAssignee(), at);
    }
    if (node instanceof CatchEvent event) {
      for (EventDefinition definition : event.getEventDefinitions()) {
        if (definition instanceof TimerEventDefinition timer) {
          for (var expression :
              List.of(
                  Optional.ofNullable(timer.getTimeDuration()),
                  Optional.ofNullable(timer.getTimeDate()),
                  Optional.ofNullable(timer.getTimeCycle()))) {
            expression.ifPresent(e -> read(node, "the timer", e.getTextContent(), at));
          }
        }
      }
    }
    message(node)
        .filter(m -> !(node instanceof StartEvent))
        .map(m -> m.getSingleExtensionElement(ZeebeSubscription.class))
        .ifPresent(s -> read(node, "the message's correlation key", s.getCorrelationKey(), at));
    Set<String> after = new HashSet<>(at);
    Set<String> own = results(node);
    if (own.contains(ANY)) {
      return;
    }
    after.addAll(own);
    mapping(node)
        .ifPresent(
            m ->
                m.getOutputs().forEach(o -> read(node, "an output mapping", o.getSource(), after)));
    Set<String> leaving = new HashSet<>(after);
    leaving.addAll(produced(node));
    for (SequenceFlow flow : flows) {
      if (node.equals(flow.getSource()) && flow.getConditionExpression() != null) {
        read(
            flow,
            "the condition of flow '" + name(flow) + "'",
            flow.getConditionExpression().getTextContent(),
            leaving);
      }
    }
  }

  private void requiredByWorker(FlowNode node, Set<String> at) {
    ZeebeTaskDefinition job = node.getSingleExtensionElement(ZeebeTaskDefinition.class);
    WorkerContract worker = job == null ? null : contracts.workers().get(job.getType());
    if (worker == null) {
      return;
    }
    Set<String> missing = new TreeSet<>(worker.requires());
    missing.removeAll(at);
    if (!missing.isEmpty()) {
      findings.add(
          Finding.error(
              resource,
              node.getId(),
              "worker-variables",
              "The worker of '"
                  + job.getType()
                  + "' requires "
                  + quoted(missing)
                  + ", which nothing before this element produces (the start of the process,"
                  + " earlier workers, the fields of earlier forms, decision results, messages,"
                  + " mappings): every instance would fail here"));
    }
  }

  private void decisionInputs(FlowNode node, String decisionId, Set<String> at) {
    Set<String> reads = contracts.decisionInputs().get(decisionId);
    if (reads == null) {
      return;
    }
    Set<String> missing = new TreeSet<>(reads);
    missing.removeAll(at);
    if (!missing.isEmpty()) {
      findings.add(
          Finding.warning(
              resource,
              node.getId(),
              "decision-inputs",
              "The decision '"
                  + decisionId
                  + "' reads "
                  + quoted(missing)
                  + ", which nothing before this element produces: its inputs will be null"));
    }
  }

  private void read(BaseElement element, String where, String expression, Set<String> at) {
    if (expression == null || !expression.strip().startsWith("=")) {
      return;
    }
    Set<String> missing = new TreeSet<>(FeelNames.read(expression));
    missing.removeAll(at);
    if (!missing.isEmpty()) {
      findings.add(
          Finding.warning(
              resource,
              element.getId(),
              "expression-variables",
              capitalised(where)
                  + " reads "
                  + quoted(missing)
                  + ", which nothing before it produces: FEEL reads a missing variable as null"));
    }
  }

  private static Optional<ZeebeIoMapping> mapping(FlowNode node) {
    return Optional.ofNullable(node.getSingleExtensionElement(ZeebeIoMapping.class));
  }

  private static Optional<ZeebeLoopCharacteristics> loop(FlowNode node) {
    return node instanceof Activity activity
            && activity.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics mi
        ? Optional.ofNullable(mi.getSingleExtensionElement(ZeebeLoopCharacteristics.class))
        : Optional.empty();
  }

  /** The inputs a sub-process gives every element inside it. */
  private static Set<String> inputs(SubProcess sub) {
    Set<String> names = new HashSet<>();
    mapping(sub).ifPresent(m -> m.getInputs().forEach(i -> names.add(root(i.getTarget()))));
    loop(sub)
        .map(ZeebeLoopCharacteristics::getInputElement)
        .filter(e -> e != null && !e.isBlank())
        .ifPresent(e -> names.add(root(e)));
    return names;
  }

  private static Optional<Message> message(FlowNode node) {
    if (node instanceof ReceiveTask receive) {
      return Optional.ofNullable(receive.getMessage());
    }
    if (node instanceof CatchEvent event) {
      return event.getEventDefinitions().stream()
          .filter(MessageEventDefinition.class::isInstance)
          .map(d -> ((MessageEventDefinition) d).getMessage())
          .filter(m -> m != null)
          .findFirst();
    }
    return Optional.empty();
  }

  private static boolean has(FlowNode node, Class<? extends EventDefinition> type) {
    return node instanceof CatchEvent event
        && event.getEventDefinitions().stream().anyMatch(type::isInstance);
  }

  private static Set<String> names(String variable) {
    return variable == null || variable.isBlank() ? Set.of() : Set.of(root(variable));
  }

  /** The variable a mapping target writes: {@code a} for {@code a.b}. */
  private static String root(String target) {
    return target.strip().split("\\.", 2)[0];
  }

  private static String name(SequenceFlow flow) {
    return flow.getName() == null || flow.getName().isBlank() ? flow.getId() : flow.getName();
  }

  private static String quoted(Set<String> names) {
    return names.stream()
        .map(n -> "'" + n + "'")
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static String capitalised(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
