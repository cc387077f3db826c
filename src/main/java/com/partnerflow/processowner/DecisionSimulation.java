package com.partnerflow.processowner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.processowner.DecisionSimulationCases.SimulationCase;
import com.partnerflow.processowner.internal.ParsedResource;
import com.partnerflow.processowner.internal.ResourceReader;
import io.camunda.client.CamundaClient;
import io.camunda.zeebe.dmn.DecisionEngine;
import io.camunda.zeebe.dmn.DecisionEngineFactory;
import io.camunda.zeebe.dmn.DecisionEvaluationResult;
import io.camunda.zeebe.dmn.ParsedDecisionRequirementsGraph;
import io.camunda.zeebe.dmn.impl.VariablesContext;
import io.camunda.zeebe.protocol.impl.encoding.MsgPackConverter;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * What a changed decision would decide on the current period's real cases: each case is evaluated
 * by the deployed decision (the engine) and by the uploaded one (the engine's own DMN library,
 * in-process, so nothing is deployed), and the outcomes are compared.
 */
@Service
class DecisionSimulation {

  private final ResourceReader reader;
  private final List<DecisionSimulationCases> sources;
  private final CamundaClient engine;
  private final ObjectMapper json;
  private final DecisionEngine dmn = DecisionEngineFactory.createDecisionEngine();

  DecisionSimulation(
      ObjectMapper json,
      DeploymentsProperties properties,
      List<DecisionSimulationCases> sources,
      CamundaClient engine) {
    this.reader = new ResourceReader(json, properties.maxFileSize().toBytes());
    this.sources = sources;
    this.engine = engine;
    this.json = json;
  }

  /** An outcome with how many cases the deployed and the changed decision give it. */
  record OutcomeCount(String outcome, long before, long after) {}

  /** A case whose outcome changes. */
  record ChangedCase(String subjectId, Object before, Object after, BigDecimal amount) {}

  /** The simulation of one decision. */
  record Result(
      String decisionId,
      String period,
      int evaluated,
      int changed,
      List<OutcomeCount> byOutcome,
      List<ChangedCase> cases) {}

  Result simulate(ResourceReader.Upload upload) {
    if (!(reader.read(List.of(upload)).get(0) instanceof ParsedResource.Dmn decisions)) {
      throw new SimulationRefused("Only a .dmn file can be simulated");
    }
    DecisionSimulationCases source =
        sources.stream()
            .filter(s -> decisions.decisionIds().contains(s.decisionId()))
            .findFirst()
            .orElseThrow(
                () ->
                    new SimulationRefused(
                        "No decision of "
                            + upload.originalName()
                            + " can be simulated on real cases; these can: "
                            + sources.stream().map(DecisionSimulationCases::decisionId).toList()));
    ParsedDecisionRequirementsGraph changed =
        dmn.parse(new ByteArrayInputStream(decisions.content()));
    if (!changed.isValid()) {
      throw new SimulationRefused(
          upload.originalName() + " is no valid decision: " + changed.getFailureMessage());
    }
    Map<String, long[]> counts = new TreeMap<>();
    List<ChangedCase> changedCases = new ArrayList<>();
    List<SimulationCase> cases = source.cases();
    for (SimulationCase c : cases) {
      Object before = deployed(source.decisionId(), c.variables());
      Object after = evaluate(changed, source.decisionId(), c);
      counts.computeIfAbsent(outcome(before), k -> new long[2])[0]++;
      counts.computeIfAbsent(outcome(after), k -> new long[2])[1]++;
      if (!Objects.equals(before, after)) {
        changedCases.add(new ChangedCase(c.subjectId(), before, after, c.amount()));
      }
    }
    List<OutcomeCount> byOutcome =
        counts.entrySet().stream()
            .map(e -> new OutcomeCount(e.getKey(), e.getValue()[0], e.getValue()[1]))
            .toList();
    return new Result(
        source.decisionId(),
        source.period(),
        cases.size(),
        changedCases.size(),
        byOutcome,
        changedCases);
  }

  private Object deployed(String decisionId, Map<String, Object> variables) {
    return read(
        engine
            .newEvaluateDecisionCommand()
            .decisionId(decisionId)
            .variables(variables)
            .send()
            .join()
            .getDecisionOutput());
  }

  private Object evaluate(
      ParsedDecisionRequirementsGraph graph, String decisionId, SimulationCase c) {
    DecisionEvaluationResult result =
        dmn.evaluateDecisionById(graph, decisionId, new VariablesContext(c.variables()));
    if (result.isFailure()) {
      throw new SimulationRefused(
          "The changed decision fails on case "
              + c.subjectId()
              + ": "
              + result.getFailureMessage());
    }
    return read(MsgPackConverter.convertToJson(result.getOutput()));
  }

  private Object read(String output) {
    try {
      return json.readValue(output, Object.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable decision output " + output, e);
    }
  }

  private String outcome(Object output) {
    try {
      return json.writeValueAsString(output instanceof Map<?, ?> map ? new TreeMap<>(map) : output);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The uploaded file cannot be simulated (422, nothing is evaluated or deployed). */
  static class SimulationRefused extends RuntimeException {
    SimulationRefused(String message) {
      super(message);
    }
  }
}
