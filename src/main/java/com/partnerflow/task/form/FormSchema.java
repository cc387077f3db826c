package com.partnerflow.task.form;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Camunda Form (form-js JSON, schemaVersion up to {@value FormSchemaParser#MAX_SCHEMA_VERSION})
 * reduced to what the server needs to check a submission: its fields, their rules and options.
 * Layout and display-only components are left out. Immutable and safe to share.
 */
public final class FormSchema {

  private final String id;
  private final List<FormField> fields;

  FormSchema(String id, List<FormField> fields) {
    this.id = id;
    this.fields = List.copyOf(fields);
  }

  /**
   * Reads a form-js document.
   *
   * @throws InvalidFormSchemaException when it is not JSON, has no components, or uses something
   *     the server cannot check
   */
  public static FormSchema parse(String json) {
    return FormSchemaParser.parse(json);
  }

  /** The form's {@code id}, as referenced by user tasks; may be {@code null}. */
  public String id() {
    return id;
  }

  /**
   * The top-level fields with groups dissolved into their members; a dynamic list appears as one
   * field with {@link FormField#itemFields()}.
   */
  public List<FormField> fields() {
    return fields;
  }

  /**
   * Every field a submitter fills in, dynamic list members included, keyed like problems are
   * reported but with {@code []} for "each entry": {@code milestones[].name}.
   */
  public List<FormField> inputFields() {
    var inputs = new ArrayList<FormField>();
    collectInputs(fields, "", inputs);
    return List.copyOf(inputs);
  }

  /**
   * The variables a completed task of this form hands to its process: the top-level keys of its
   * input fields ({@code milestones} for {@code milestones[].name}).
   */
  public Set<String> submittedVariables() {
    return inputFields().stream()
        .map(f -> f.key().split("[.\\[]", 2)[0])
        .collect(Collectors.toUnmodifiableSet());
  }

  private static void collectInputs(List<FormField> fields, String prefix, List<FormField> into) {
    for (FormField field : fields) {
      if (!field.type().isInput()) {
        continue;
      }
      String key = Paths.join(prefix, field.key());
      if (field.type() == FieldType.DYNAMIC_LIST) {
        collectInputs(field.itemFields(), key + "[]", into);
      } else {
        into.add(prefix.isEmpty() ? field : withKey(field, key));
      }
    }
  }

  private static FormField withKey(FormField field, String key) {
    return new FormField(
        key,
        field.path(),
        field.type(),
        field.label(),
        field.validation(),
        field.allowedValues(),
        field.numberFormat(),
        field.datetimeSubtype(),
        field.hiddenWhen(),
        field.readonlyWhen(),
        field.itemFields());
  }

  @Override
  public String toString() {
    return "FormSchema[" + id + ", " + fields.size() + " fields]";
  }
}
