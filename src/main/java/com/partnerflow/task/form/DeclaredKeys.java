package com.partnerflow.task.form;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree of keys a form (or one dynamic list entry) declares, to tell a submitted key the form
 * knows from one it does not. A node is either a field or an object of further keys, never both.
 */
final class DeclaredKeys {

  private final Map<String, DeclaredKeys> children = new HashMap<>();
  private boolean field;

  static DeclaredKeys of(List<FormField> fields) {
    var root = new DeclaredKeys();
    for (FormField formField : fields) {
      root.add(formField);
    }
    return root;
  }

  private void add(FormField formField) {
    DeclaredKeys node = this;
    for (String segment : formField.path()) {
      if (node.field) {
        throw conflict(formField);
      }
      node = node.children.computeIfAbsent(segment, s -> new DeclaredKeys());
    }
    if (node.field || !node.children.isEmpty()) {
      throw conflict(formField);
    }
    node.field = true;
  }

  private static InvalidFormSchemaException conflict(FormField formField) {
    return new InvalidFormSchemaException(
        "The key '" + formField.key() + "' is used twice or clashes with another field's key");
  }

  /** The node for a key below this one, or {@code null} when the form does not declare it. */
  DeclaredKeys child(String key) {
    return children.get(key);
  }

  boolean isField() {
    return field;
  }
}
