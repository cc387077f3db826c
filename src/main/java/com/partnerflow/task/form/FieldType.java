package com.partnerflow.task.form;

import java.util.Map;
import java.util.Set;

/** The form-js component types that carry a value, named as in the form JSON. */
public enum FieldType {
  TEXTFIELD("textfield"),
  TEXTAREA("textarea"),
  NUMBER("number"),
  CHECKBOX("checkbox"),
  CHECKLIST("checklist"),
  RADIO("radio"),
  SELECT("select"),
  TAGLIST("taglist"),
  DATETIME("datetime"),
  DYNAMIC_LIST("dynamiclist"),
  /** Computed by the form itself (FEEL); the browser may send it back but nobody may set it. */
  EXPRESSION("expression");

  /** Components that only show something; they never contribute a value. */
  static final Set<String> DISPLAY_ONLY =
      Set.of(
          "text",
          "html",
          "image",
          "spacer",
          "separator",
          "button",
          "iframe",
          "table",
          "documentPreview",
          "default");

  /** Containers whose children are laid out inline (data nesting only via their path). */
  static final Set<String> GROUPS = Set.of("group");

  private static final Map<String, FieldType> BY_NAME = byName();

  private final String formJsType;

  FieldType(String formJsType) {
    this.formJsType = formJsType;
  }

  public String formJsType() {
    return formJsType;
  }

  /** Whether a submitter fills this in, as opposed to it being computed. */
  public boolean isInput() {
    return this != EXPRESSION;
  }

  boolean isChoice() {
    return this == RADIO || this == SELECT;
  }

  boolean isMultiChoice() {
    return this == CHECKLIST || this == TAGLIST;
  }

  boolean isText() {
    return this == TEXTFIELD || this == TEXTAREA;
  }

  static FieldType ofFormJs(String type) {
    return BY_NAME.get(type);
  }

  private static Map<String, FieldType> byName() {
    var map = new java.util.HashMap<String, FieldType>();
    for (FieldType type : values()) {
      map.put(type.formJsType, type);
    }
    return Map.copyOf(map);
  }
}
