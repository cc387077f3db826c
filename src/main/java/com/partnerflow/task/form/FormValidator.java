package com.partnerflow.task.form;

import com.partnerflow.common.FieldProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a submitted task form on the server, as the browser should have, and keeps only what the
 * form lets the submitter set. Never trust the browser: a partner can send any JSON.
 *
 * <p>Hidden fields ({@code conditional.hide}) are neither required nor accepted. Read-only and
 * disabled fields, and computed expression fields, are dropped silently, since the form-js viewer
 * sends their values back unchanged. Keys the form does not declare are reported.
 */
public final class FormValidator {

  /**
   * @param submitted the values as the browser sent them (parsed JSON)
   * @param context the task's current variables: they decide conditions and options
   */
  public FormValidation validate(
      FormSchema schema, Map<String, Object> submitted, Map<String, Object> context) {
    Map<String, Object> input = submitted == null ? Map.of() : submitted;
    Map<String, Object> variables = context == null ? Map.of() : context;
    var accepted = new LinkedHashMap<String, Object>();
    var problems = new ArrayList<FieldProblem>();
    Map<String, Object> feelContext =
        Paths.merge(variables, submittedWritableValues(schema.fields(), input));
    validateEntry(schema.fields(), input, "", feelContext, accepted, problems);
    return new FormValidation(accepted, problems);
  }

  /** Checks the fields of the whole form, or of one dynamic list entry. */
  private void validateEntry(
      List<FormField> fields,
      Map<String, Object> input,
      String prefix,
      Map<String, Object> feelContext,
      Map<String, Object> accepted,
      List<FieldProblem> problems) {
    reportUndeclared(DeclaredKeys.of(fields), input, prefix, problems);
    for (FormField field : fields) {
      if (!field.type().isInput()
          || field.hiddenWhen().holds(feelContext)
          || field.readonlyWhen().holds(feelContext)) {
        continue;
      }
      String path = Paths.join(prefix, field.key());
      boolean present = Paths.contains(input, field.path());
      Object value = Paths.get(input, field.path());
      if (field.type() == FieldType.DYNAMIC_LIST) {
        if (value != null) {
          validateList(field, value, path, feelContext, accepted, problems);
        }
        continue;
      }
      if (present) {
        List<Object> options =
            field.allowedValues() == null ? List.of() : field.allowedValues().resolve(feelContext);
        value = FieldChecks.check(field, path, value, options, problems);
        if (value == FieldChecks.REFUSED) {
          continue;
        }
      }
      if (field.validation().required() && FieldChecks.isEmpty(field.type(), value)) {
        problems.add(new FieldProblem(path, "is required"));
      } else if (present) {
        Paths.put(accepted, field.path(), value);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void validateList(
      FormField list,
      Object value,
      String path,
      Map<String, Object> feelContext,
      Map<String, Object> accepted,
      List<FieldProblem> problems) {
    if (!(value instanceof List<?> entries)) {
      problems.add(new FieldProblem(path, "must be a list"));
      return;
    }
    if (entries.size() > FieldChecks.MAX_ENTRIES) {
      problems.add(
          new FieldProblem(
              path, "must not have more than " + FieldChecks.MAX_ENTRIES + " entries"));
      return;
    }
    var acceptedEntries = new ArrayList<Map<String, Object>>();
    for (int i = 0; i < entries.size(); i++) {
      String entryPath = path + "[" + i + "]";
      if (!(entries.get(i) instanceof Map<?, ?> entry)) {
        problems.add(new FieldProblem(entryPath, "must be an object"));
        continue;
      }
      var entryInput = (Map<String, Object>) entry;
      // An entry's own values shadow same-named variables, as in the form-js viewer.
      Map<String, Object> entryContext =
          Paths.merge(feelContext, submittedWritableValues(list.itemFields(), entryInput));
      var acceptedEntry = new LinkedHashMap<String, Object>();
      validateEntry(
          list.itemFields(), entryInput, entryPath, entryContext, acceptedEntry, problems);
      acceptedEntries.add(acceptedEntry);
    }
    Paths.put(accepted, list.path(), acceptedEntries);
  }

  private void reportUndeclared(
      DeclaredKeys declared, Map<?, ?> input, String prefix, List<FieldProblem> problems) {
    input.forEach(
        (key, value) -> {
          String path = Paths.join(prefix, String.valueOf(key));
          DeclaredKeys node = declared.child(String.valueOf(key));
          if (node == null) {
            problems.add(new FieldProblem(path, "is not a field of this form"));
          } else if (!node.isField()) {
            if (value instanceof Map<?, ?> nested) {
              reportUndeclared(node, nested, path, problems);
            } else if (value != null) {
              problems.add(new FieldProblem(path, "must be an object"));
            }
          }
        });
  }

  /**
   * The submitted values FEEL conditions and options may see: only declared fields that are never
   * read-only. Otherwise a submitter could set, say, {@code isKeyAccount} and thereby hide a
   * required field or widen a list of options.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> submittedWritableValues(
      List<FormField> fields, Map<String, Object> input) {
    var values = new LinkedHashMap<String, Object>();
    for (FormField field : fields) {
      if (!field.type().isInput()
          || !field.readonlyWhen().isNever()
          || !Paths.contains(input, field.path())) {
        continue;
      }
      Object value = Paths.get(input, field.path());
      if (field.type() == FieldType.DYNAMIC_LIST && value instanceof List<?> entries) {
        var filtered = new ArrayList<>();
        for (Object entry : entries) {
          filtered.add(
              entry instanceof Map<?, ?> map
                  ? submittedWritableValues(field.itemFields(), (Map<String, Object>) map)
                  : null);
        }
        value = filtered;
      }
      Paths.put(values, field.path(), value);
    }
    return values;
  }
}
