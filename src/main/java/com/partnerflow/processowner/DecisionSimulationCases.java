package com.partnerflow.processowner;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The real cases a decision can be simulated on: a module that calls the decision supplies, for the
 * current period, each case's decision inputs as the process hands them over. A changed DMN is then
 * evaluated on them beside the deployed one before it is deployed.
 */
public interface DecisionSimulationCases {

  /** The decision these cases are inputs of. */
  String decisionId();

  /** Which cases these are, e.g. "MDF requests submitted in fund period 2026-Q4". */
  String period();

  List<SimulationCase> cases();

  /**
   * One case: its subject (e.g. an MDF request id), the amount at stake, and the decision's input
   * variables.
   */
  record SimulationCase(String subjectId, BigDecimal amount, Map<String, Object> variables) {}
}
