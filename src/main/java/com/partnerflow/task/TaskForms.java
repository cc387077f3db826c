package com.partnerflow.task;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.common.ConflictException;
import com.partnerflow.common.FieldProblem;
import com.partnerflow.task.form.FormSchema;
import com.partnerflow.task.form.FormValidation;
import com.partnerflow.task.form.FormValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of {@code forms/}, by form key (the file name without {@code .form}): the
 * schema a task page renders, the prefill data it may show, and the server-side check of submitted
 * values. A task whose form is missing stays in the inbox with a visible form problem.
 */
@Component
public class TaskForms {

  private static final Logger log = LoggerFactory.getLogger(TaskForms.class);
  private static final String FORMS = "classpath*:forms/*.form";

  private final ObjectMapper json;
  private final FormDisplayValues display;
  private final FormValidator validator = new FormValidator();
  private final Map<String, LoadedForm> forms;

  /**
   * A form of {@code forms/}: its schema, the variables it may show, and those only its text views
   * show, which get readable values.
   */
  record LoadedForm(
      JsonNode schema, FormSchema parsed, Set<String> dataKeys, Set<String> textOnlyKeys) {}

  TaskForms(ObjectMapper json, FormDisplayValues display) throws IOException {
    this.json = json;
    this.display = display;
    this.forms = load();
  }

  private Map<String, LoadedForm> load() throws IOException {
    Map<String, LoadedForm> loaded = new HashMap<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources(FORMS)) {
      String name = Objects.requireNonNull(resource.getFilename());
      try (InputStream in = resource.getInputStream()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        JsonNode schema = json.readTree(text);
        FormSchema parsed = FormSchema.parse(text);
        Set<String> inputKeys = parsed.submittedVariables();
        loaded.put(
            name.substring(0, name.length() - ".form".length()),
            new LoadedForm(
                schema,
                parsed,
                FormDataKeys.of(schema),
                FormDisplayValues.textOnlyKeys(schema, inputKeys)));
      }
    }
    return loaded;
  }

  /** Why the task's form cannot be shown, or empty when it can. */
  public Optional<String> problemOf(InboxTask task) {
    if (task.getFormKey() == null || forms.containsKey(task.getFormKey())) {
      return Optional.empty();
    }
    return Optional.of(FormProblem.missing(task.getFormKey()));
  }

  /** Whether {@code forms/} holds the form with this key, so a task naming it can be worked. */
  public boolean hasForm(String formKey) {
    return forms.containsKey(formKey);
  }

  /** The variables a completed task of the form with this key hands to its process. */
  public Optional<Set<String>> submittedVariables(String formKey) {
    return Optional.ofNullable(forms.get(formKey)).map(f -> f.parsed().submittedVariables());
  }

  /** The form keys of {@code forms/}; never empty, so it can stand in a {@code not in} clause. */
  Set<String> knownFormKeys() {
    return forms.isEmpty() ? Set.of("") : forms.keySet();
  }

  public Optional<JsonNode> schemaOf(InboxTask task) {
    return Optional.ofNullable(task.getFormKey()).map(forms::get).map(LoadedForm::schema);
  }

  /** The task's variables the form shows or edits, and nothing else. */
  public Map<String, Object> prefillOf(InboxTask task) {
    LoadedForm form = task.getFormKey() == null ? null : forms.get(task.getFormKey());
    if (form == null) {
      return Map.of();
    }
    Map<String, Object> variables = variablesOf(task);
    Map<String, Object> data = new LinkedHashMap<>();
    form.dataKeys().stream()
        .filter(variables::containsKey)
        .forEach(key -> data.put(key, variables.get(key)));
    return data;
  }

  /**
   * The values the form's text views show, readable in the request's locale and the user's time
   * zone ({@link FormDisplayValues}); the page shows these instead of the raw {@link #prefillOf}
   * values of the same keys, which are never submitted.
   */
  public Map<String, Object> displayOf(InboxTask task) {
    LoadedForm form = task.getFormKey() == null ? null : forms.get(task.getFormKey());
    if (form == null) {
      return Map.of();
    }
    return display.of(form.textOnlyKeys(), variablesOf(task));
  }

  FormValidation validate(InboxTask task, Map<String, Object> submitted) {
    if (task.getFormKey() == null) {
      List<FieldProblem> problems =
          submitted.keySet().stream()
              .map(k -> new FieldProblem(k, "is not a field of this task (it has no form)"))
              .toList();
      return new FormValidation(Map.of(), problems);
    }
    LoadedForm form = forms.get(task.getFormKey());
    if (form == null) {
      log.warn("Task {} cannot be completed: {}", task.getId(), problemOf(task).orElseThrow());
      throw new ConflictException(
          "Task "
              + task.getId()
              + " cannot be completed: its form '"
              + task.getFormKey()
              + "' is missing. Process owners see it in their workspace (/process-owner).");
    }
    return validator.validate(form.parsed(), submitted, variablesOf(task));
  }

  private Map<String, Object> variablesOf(InboxTask task) {
    try {
      return json.readValue(task.getVariablesJson(), new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new IllegalStateException(
          "Stored variables of task " + task.getId() + " unreadable", e);
    }
  }

  Set<String> formKeys() {
    return Set.copyOf(forms.keySet());
  }
}
