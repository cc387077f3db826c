package com.partnerflow.processowner.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Which elements of a BPMN diagram were added, removed or changed between two versions, compared by
 * element id without a browser: the list beside bpmn-js-differ's drawing on the history page. Only
 * the model counts (ids in the BPMN model namespace); moving shapes in the drawing is no change. An
 * element changed when its type, attributes, documentation, extension elements (task type, form
 * key, candidate groups, I/O mappings…) or its flows differ; nested elements with ids of their own
 * are compared on their own.
 */
public final class BpmnElementDiff {

  static final String BPMN_MODEL = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  /** How an element differs. */
  public enum Change {
    ADDED,
    REMOVED,
    CHANGED
  }

  /**
   * One element that differs.
   *
   * @param type the BPMN element type, e.g. {@code userTask}
   * @param name its name after the change (before it, for a removed element)
   */
  public record ElementChange(String elementId, String type, String name, Change change) {}

  private record Described(String type, String name, String signature) {}

  private BpmnElementDiff() {}

  /**
   * The changed elements: those of the new version in document order, then the removed ones.
   *
   * @throws IllegalArgumentException when either file is not readable XML
   */
  public static List<ElementChange> diff(String before, String after) {
    Map<String, Described> old = elements(before);
    Map<String, Described> now = elements(after);
    List<ElementChange> changes = new ArrayList<>();
    now.forEach(
        (id, d) -> {
          Described was = old.get(id);
          if (was == null) {
            changes.add(new ElementChange(id, d.type(), d.name(), Change.ADDED));
          } else if (!was.signature().equals(d.signature())) {
            changes.add(new ElementChange(id, d.type(), d.name(), Change.CHANGED));
          }
        });
    old.forEach(
        (id, d) -> {
          if (!now.containsKey(id)) {
            changes.add(new ElementChange(id, d.type(), d.name(), Change.REMOVED));
          }
        });
    return changes;
  }

  private static Map<String, Described> elements(String bpmn) {
    Element root;
    try {
      root = SafeXml.parse(bpmn.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    } catch (SafeXml.Refused e) {
      throw new IllegalArgumentException("The BPMN file " + e.getMessage(), e);
    }
    Map<String, Described> result = new LinkedHashMap<>();
    collect(root, result);
    return result;
  }

  private static void collect(Element element, Map<String, Described> result) {
    boolean model = BPMN_MODEL.equals(element.getNamespaceURI());
    if (model
        && element.hasAttribute("id")
        && element != element.getOwnerDocument().getDocumentElement()) {
      StringBuilder signature = new StringBuilder();
      sign(element, signature);
      result.put(
          element.getAttribute("id"),
          new Described(
              element.getLocalName(), element.getAttribute("name"), signature.toString()));
    }
    if (!model) {
      return; // diagram interchange (shapes, edges) and extensions are not elements
    }
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        collect(child, result);
      }
    }
  }

  /** Type, attributes, text and children without an id of their own, in a comparable form. */
  private static void sign(Element element, StringBuilder out) {
    out.append('<').append(element.getNamespaceURI()).append(' ').append(element.getLocalName());
    NamedNodeMap attributes = element.getAttributes();
    Map<String, String> sorted = new TreeMap<>();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
        sorted.put(a.getNamespaceURI() + " " + a.getLocalName(), a.getValue());
      }
    }
    sorted.forEach((k, v) -> out.append(' ').append(k).append("=\"").append(v).append('"'));
    out.append('>');
    for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element child) {
        if (!(BPMN_MODEL.equals(child.getNamespaceURI()) && child.hasAttribute("id"))) {
          sign(child, out);
        }
      } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        String text = n.getNodeValue().strip();
        if (!text.isEmpty()) {
          out.append(text);
        }
      }
    }
    out.append("</>");
  }
}
