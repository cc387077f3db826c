package com.partnerflow.processowner.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What changed in a decision table between two versions of a DMN file: rules added, removed,
 * changed (an input or output entry, or the description) and moved, compared by rule id. Moves
 * matter: with hit policy FIRST the first matching row wins.
 */
public final class DmnRuleDiff {

  /** How a rule differs. */
  public enum Change {
    ADDED,
    REMOVED,
    CHANGED,
    MOVED
  }

  /**
   * One row of a decision table.
   *
   * @param row its position, from 1
   * @param inputs the input entries (unary tests) in column order
   * @param outputs the output entries (expressions) in column order
   */
  public record Rule(
      String id, int row, List<String> inputs, List<String> outputs, String description) {

    boolean sameEntries(Rule other) {
      return inputs.equals(other.inputs)
          && outputs.equals(other.outputs)
          && description.equals(other.description);
    }
  }

  /** A rule that differs; {@code before} is null for an added rule, {@code after} for a removed. */
  public record RuleChange(String ruleId, Change change, Rule before, Rule after) {}

  /**
   * The difference of one decision's table.
   *
   * @param inputs the input columns' labels (or expressions) after the change
   * @param outputs the output columns' labels (or names) after the change
   * @param columnsChanged whether the columns differ from before (then entries are compared by
   *     position all the same)
   */
  public record TableDiff(
      String decisionId,
      String hitPolicy,
      List<String> inputs,
      List<String> outputs,
      boolean columnsChanged,
      List<RuleChange> rules) {}

  /** A decision table as read from a file. */
  record Table(String hitPolicy, List<String> inputs, List<String> outputs, List<Rule> rules) {}

  private DmnRuleDiff() {}

  /**
   * Compares decision {@code decisionId} of two DMN files.
   *
   * @throws IllegalArgumentException when either file is not readable DMN or lacks the decision's
   *     table
   */
  public static TableDiff diff(String before, String after, String decisionId) {
    Table old = table(before, decisionId);
    Table now = table(after, decisionId);
    Map<String, Rule> oldById = new LinkedHashMap<>();
    old.rules().forEach(r -> oldById.put(r.id(), r));
    Map<String, Rule> newById = new LinkedHashMap<>();
    now.rules().forEach(r -> newById.put(r.id(), r));
    // Positions among the rules both versions have: adding or removing a row above a rule does not
    // move it, swapping it with another does.
    List<String> oldOrder =
        old.rules().stream().map(Rule::id).filter(newById::containsKey).toList();
    List<String> newOrder =
        now.rules().stream().map(Rule::id).filter(oldById::containsKey).toList();
    List<RuleChange> changes = new ArrayList<>();
    for (Rule r : now.rules()) {
      Rule was = oldById.get(r.id());
      if (was == null) {
        changes.add(new RuleChange(r.id(), Change.ADDED, null, r));
      } else if (!was.sameEntries(r)) {
        changes.add(new RuleChange(r.id(), Change.CHANGED, was, r));
      } else if (oldOrder.indexOf(r.id()) != newOrder.indexOf(r.id())) {
        changes.add(new RuleChange(r.id(), Change.MOVED, was, r));
      }
    }
    for (Rule r : old.rules()) {
      if (!newById.containsKey(r.id())) {
        changes.add(new RuleChange(r.id(), Change.REMOVED, r, null));
      }
    }
    return new TableDiff(
        decisionId,
        now.hitPolicy(),
        now.inputs(),
        now.outputs(),
        !old.inputs().equals(now.inputs()) || !old.outputs().equals(now.outputs()),
        changes);
  }

  /** Whether a DMN file declares a decision with this id; false for anything unreadable. */
  static boolean declaresDecision(String dmn, String decisionId) {
    try {
      return decision(SafeXml.parse(dmn.getBytes(StandardCharsets.UTF_8)), decisionId).isPresent();
    } catch (SafeXml.Refused e) {
      return false;
    }
  }

  static Table table(String dmn, String decisionId) {
    Document document;
    try {
      document = SafeXml.parse(dmn.getBytes(StandardCharsets.UTF_8));
    } catch (SafeXml.Refused e) {
      throw new IllegalArgumentException("The DMN file " + e.getMessage(), e);
    }
    Element decision =
        decision(document, decisionId)
            .orElseThrow(
                () -> new IllegalArgumentException("No decision '" + decisionId + "' in the file"));
    Element table =
        child(decision, "decisionTable")
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "Decision '" + decisionId + "' has no decision table"));
    List<String> inputs =
        children(table, "input").stream()
            .map(
                i ->
                    nonBlank(i.getAttribute("label"))
                        .orElseGet(
                            () ->
                                child(i, "inputExpression")
                                    .map(DmnRuleDiff::text)
                                    .orElse(i.getAttribute("id"))))
            .toList();
    List<String> outputs =
        children(table, "output").stream()
            .map(o -> nonBlank(o.getAttribute("label")).orElseGet(() -> o.getAttribute("name")))
            .toList();
    List<Rule> rules = new ArrayList<>();
    for (Element rule : children(table, "rule")) {
      rules.add(
          new Rule(
              rule.getAttribute("id"),
              rules.size() + 1,
              children(rule, "inputEntry").stream().map(DmnRuleDiff::text).toList(),
              children(rule, "outputEntry").stream().map(DmnRuleDiff::text).toList(),
              child(rule, "description").map(e -> e.getTextContent().strip()).orElse("")));
    }
    String hitPolicy = nonBlank(table.getAttribute("hitPolicy")).orElse("UNIQUE");
    return new Table(hitPolicy, inputs, outputs, rules);
  }

  private static Optional<Element> decision(Document document, String decisionId) {
    return children(document.getDocumentElement(), "decision").stream()
        .filter(d -> d.getAttribute("id").equals(decisionId))
        .findFirst();
  }

  /** The text of an entry or expression: its {@code <text>} child, trimmed. */
  private static String text(Element entry) {
    return child(entry, "text").map(t -> t.getTextContent().strip()).orElse("");
  }

  private static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.strip());
  }

  private static Optional<Element> child(Element parent, String localName) {
    List<Element> all = children(parent, localName);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst());
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> result = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && localName.equals(e.getLocalName())) {
        result.add(e);
      }
    }
    return result;
  }
}
