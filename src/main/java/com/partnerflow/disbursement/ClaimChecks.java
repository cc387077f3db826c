package com.partnerflow.disbursement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The automated checks of a submitted claim, without side effects: a duplicate (the partner's
 * invoice number on another claim, or an evidence file whose SHA-256 is on another claim of any
 * partner) blocks the claim; an amount above what remains of the milestone's approved share or
 * missing evidence sends it back to the partner; otherwise it passes to verification.
 */
final class ClaimChecks {

  enum Outcome {
    PASSED,
    INCOMPLETE,
    BLOCKED
  }

  /** Another claim that collides with this one. */
  record Duplicate(String otherClaimId, String kind, String detail) {}

  /**
   * @param outcome the way on
   * @param problems every reason, for the partner or the audit
   * @param duplicates the colliding claims (empty unless BLOCKED)
   */
  record Result(Outcome outcome, List<String> problems, List<Duplicate> duplicates) {}

  /**
   * @param claimed the amount claimed
   * @param remaining what remains of the milestone's approved share
   * @param evidenceLinks the links entered
   * @param evidenceFiles the number of files uploaded to the claim's tasks
   * @param duplicates the other claims with the same invoice or file
   */
  static Result check(
      BigDecimal claimed,
      BigDecimal remaining,
      List<String> evidenceLinks,
      int evidenceFiles,
      List<Duplicate> duplicates) {
    if (!duplicates.isEmpty()) {
      return new Result(
          Outcome.BLOCKED, duplicates.stream().map(Duplicate::detail).toList(), duplicates);
    }
    List<String> problems = new ArrayList<>();
    if (claimed == null || claimed.signum() <= 0) {
      problems.add("The amount claimed must be positive");
    } else if (claimed.compareTo(remaining) > 0) {
      problems.add(
          "The amount claimed ("
              + claimed.toPlainString()
              + ") exceeds the remaining approved amount ("
              + remaining.toPlainString()
              + ")");
    }
    boolean links = evidenceLinks.stream().anyMatch(l -> l != null && !l.isBlank());
    if (!links && evidenceFiles == 0) {
      problems.add("Evidence is missing: add a link or upload a file (PDF, PNG, JPEG)");
    }
    return new Result(
        problems.isEmpty() ? Outcome.PASSED : Outcome.INCOMPLETE, List.copyOf(problems), List.of());
  }

  private ClaimChecks() {}
}
