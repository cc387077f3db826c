package com.partnerflow.processowner.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Reads uploaded files by their extension, refusing what cannot be checked: a wrong extension,
 * content that is not what the extension says, unsafe XML, or more bytes than the cap.
 */
public final class ResourceReader {

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,150}");
  private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final Set<String> DMN_NAMESPACES =
      Set.of(
          "https://www.omg.org/spec/DMN/20191111/MODEL/",
          "https://www.omg.org/spec/DMN/20180521/MODEL/",
          "http://www.omg.org/spec/DMN/20151101/dmn.xsd");

  private final ObjectMapper json;
  private final long maxFileBytes;

  public ResourceReader(ObjectMapper json, long maxFileBytes) {
    this.json = json;
    this.maxFileBytes = maxFileBytes;
  }

  /** An uploaded part: the name the browser sent and the bytes. */
  public record Upload(String originalName, byte[] content) {}

  public List<ParsedResource> read(List<Upload> uploads) {
    if (uploads.isEmpty()) {
      throw new UploadRefusedException("files", "at least one file is needed", false);
    }
    List<ParsedResource> parsed = new ArrayList<>();
    for (int i = 0; i < uploads.size(); i++) {
      parsed.add(read("files[" + i + "]", uploads.get(i)));
    }
    return parsed;
  }

  private ParsedResource read(String field, Upload upload) {
    String name = fileName(field, upload.originalName());
    byte[] content = upload.content();
    if (content.length > maxFileBytes) {
      throw new UploadRefusedException(
          field,
          "'"
              + name
              + "' has "
              + content.length
              + " bytes, more than the cap of "
              + maxFileBytes
              + " (partnerflow.deployments.max-file-size)",
          true);
    }
    if (content.length == 0) {
      throw new UploadRefusedException(field, "'" + name + "' is empty", false);
    }
    String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (extension) {
      case "bpmn" -> bpmn(field, name, content);
      case "dmn" -> dmn(field, name, content);
      case "form" -> form(field, name, content);
      default ->
          throw new UploadRefusedException(
              field, "'" + name + "' is no .bpmn, .dmn or .form file", false);
    };
  }

  private static String fileName(String field, String original) {
    String name = original == null ? "" : original.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1);
    if (!FILE_NAME.matcher(name).matches() || !name.contains(".")) {
      throw new UploadRefusedException(
          field,
          "the file name must be letters, digits, '.', '_' or '-' (at most 151) with the"
              + " extension .bpmn, .dmn or .form",
          false);
    }
    return name;
  }

  private static ParsedResource bpmn(String field, String name, byte[] content) {
    Document document = safe(field, name, content);
    Element root = document.getDocumentElement();
    if (!BPMN_NS.equals(root.getNamespaceURI()) || !"definitions".equals(root.getLocalName())) {
      throw notA(field, name, "BPMN 2.0 diagram (root element bpmn:definitions)");
    }
    try {
      BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
      return new ParsedResource.Bpmn(name, content, model);
    } catch (RuntimeException e) {
      throw new UploadRefusedException(
          field, "'" + name + "' is no valid BPMN 2.0 diagram: " + e.getMessage(), false);
    }
  }

  private static ParsedResource dmn(String field, String name, byte[] content) {
    Element root = safe(field, name, content).getDocumentElement();
    if (!DMN_NAMESPACES.contains(root.getNamespaceURI())
        || !"definitions".equals(root.getLocalName())) {
      throw notA(field, name, "DMN decision file (root element definitions, DMN 1.1 to 1.3)");
    }
    NodeList decisions = root.getElementsByTagNameNS(root.getNamespaceURI(), "decision");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < decisions.getLength(); i++) {
      ids.add(((Element) decisions.item(i)).getAttribute("id"));
    }
    if (ids.isEmpty()) {
      throw notA(field, name, "DMN decision file with at least one decision");
    }
    return new ParsedResource.Dmn(name, content, ids);
  }

  private ParsedResource form(String field, String name, byte[] content) {
    JsonNode form;
    try {
      form = json.readTree(content);
    } catch (IOException e) {
      throw notA(field, name, "Camunda form (JSON)");
    }
    if (form == null
        || !form.path("id").isTextual()
        || form.path("id").asText().isBlank()
        || !form.path("components").isArray()) {
      throw notA(field, name, "Camunda form (a JSON object with an id and components)");
    }
    return new ParsedResource.Form(name, content, form.path("id").asText());
  }

  private static Document safe(String field, String name, byte[] content) {
    try {
      return SafeXml.parse(content);
    } catch (SafeXml.Refused e) {
      throw new UploadRefusedException(field, "'" + name + "' " + e.getMessage(), false);
    }
  }

  private static UploadRefusedException notA(String field, String name, String what) {
    return new UploadRefusedException(field, "'" + name + "' is no " + what, false);
  }
}
