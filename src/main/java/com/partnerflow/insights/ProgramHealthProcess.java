package com.partnerflow.insights;

import com.partnerflow.engine.ProcessVariables;

/** The identifiers of {@code bpmn/program-health.bpmn}: process id, job types, variables. */
final class ProgramHealthProcess {

  static final String PROCESS_ID = "program-health";

  static final String MEASURE_PROGRAM_HEALTH = "insights.measure-program-health";
  static final String RECORD_BREACH = "insights.record-breach";
  static final String MAIL_BREACH = "insights.mail-breach";

  /** The period's figures the thresholds read. */
  static final String PROGRAM_HEALTH = "programHealth";

  /** One breach of the multi-instance: metric, label, threshold, figure. */
  static final String BREACH = "breach";

  /** Whether this run recorded the breach first in its fund period. */
  static final String BREACH_NEW = "breachNew";

  /** The fund period a run started by hand measures; the current one without it. */
  static final String FUND_PERIOD = "fundPeriod";

  /** A run started by hand (none start) may name the fund period to measure. */
  static final ProcessVariables VARIABLES = ProcessVariables.startedWith(PROCESS_ID, FUND_PERIOD);

  private ProgramHealthProcess() {}
}
