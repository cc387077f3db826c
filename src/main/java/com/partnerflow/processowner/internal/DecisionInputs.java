package com.partnerflow.processowner.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The variables each decision of a DMN file reads from its caller: the names of its input
 * expressions and literal expressions, and those of the decisions it requires (which the engine
 * evaluates with the same variables), less the results of those required decisions.
 */
public final class DecisionInputs {

  private DecisionInputs() {}

  /** Per decision id, the variables it reads; empty when the file cannot be read. */
  public static Map<String, Set<String>> of(byte[] dmn) {
    Element root;
    try {
      root = SafeXml.parse(dmn).getDocumentElement();
    } catch (SafeXml.Refused e) {
      return Map.of();
    }
    String ns = root.getNamespaceURI();
    Map<String, Set<String>> own = new HashMap<>();
    Map<String, List<String>> required = new HashMap<>();
    Set<String> results = new HashSet<>();
    NodeList decisions = root.getElementsByTagNameNS(ns, "decision");
    for (int i = 0; i < decisions.getLength(); i++) {
      Element decision = (Element) decisions.item(i);
      String id = decision.getAttribute("id");
      results.add(id);
      results.add(decision.getAttribute("name"));
      Set<String> names = new HashSet<>();
      for (String tag : List.of("inputExpression", "literalExpression")) {
        NodeList expressions = decision.getElementsByTagNameNS(ns, tag);
        for (int j = 0; j < expressions.getLength(); j++) {
          names.addAll(FeelNames.read(text((Element) expressions.item(j), ns)));
        }
      }
      own.put(id, names);
      List<String> needs = new ArrayList<>();
      NodeList requirements = decision.getElementsByTagNameNS(ns, "requiredDecision");
      for (int j = 0; j < requirements.getLength(); j++) {
        needs.add(((Element) requirements.item(j)).getAttribute("href").replaceFirst("^#", ""));
      }
      required.put(id, needs);
    }
    Map<String, Set<String>> reads = new HashMap<>();
    for (String id : own.keySet()) {
      Set<String> names = new HashSet<>();
      collect(id, own, required, names, new HashSet<>());
      names.removeAll(results);
      reads.put(id, Set.copyOf(names));
    }
    return reads;
  }

  private static void collect(
      String id,
      Map<String, Set<String>> own,
      Map<String, List<String>> required,
      Set<String> into,
      Set<String> visited) {
    if (!visited.add(id) || !own.containsKey(id)) {
      return;
    }
    into.addAll(own.get(id));
    required.get(id).forEach(r -> collect(r, own, required, into, visited));
  }

  private static String text(Element expression, String ns) {
    NodeList texts = expression.getElementsByTagNameNS(ns, "text");
    Node text = texts.getLength() > 0 ? texts.item(0) : expression;
    return text.getTextContent();
  }
}
