package com.partnerflow.task.form;

import java.util.List;

/**
 * One field of a form that holds a value.
 *
 * @param key where the value goes, relative to the form (or to one entry of the enclosing dynamic
 *     list), with the paths of enclosing groups applied: {@code partner.address.city}
 * @param path {@code key} split into its steps
 * @param label as shown to the user, may be {@code null}
 * @param allowedValues options of radio/select/checklist/taglist, {@code null} for other types
 * @param numberFormat for number fields, {@code null} for other types
 * @param datetimeSubtype for datetime fields, {@code null} for other types
 * @param hiddenWhen {@code conditional.hide} of the field and its enclosing groups
 * @param readonlyWhen {@code readonly}/{@code disabled} of the field and its enclosing groups
 * @param itemFields the fields of each entry of a dynamic list, empty for other types
 */
public record FormField(
    String key,
    List<String> path,
    FieldType type,
    String label,
    ValidationRules validation,
    AllowedValues allowedValues,
    NumberFormat numberFormat,
    DatetimeSubtype datetimeSubtype,
    Condition hiddenWhen,
    Condition readonlyWhen,
    List<FormField> itemFields) {

  public FormField {
    path = List.copyOf(path);
    itemFields = List.copyOf(itemFields);
  }
}
