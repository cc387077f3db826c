package com.partnerflow.task;

import com.partnerflow.identity.PartnerflowUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The cases a task is about, in the order of {@link UserTaskJob#CONTEXT_KEYS}, for the pages; a
 * context variable no module names stays as it is (its key and value, without a link).
 */
@Component
class TaskCases {

  /** The business case first (its title names the task), the partner after it. */
  private static final List<String> ORDER =
      Stream.concat(
              UserTaskJob.CONTEXT_KEYS.stream().filter(k -> !k.equals("partnerId")),
              Stream.of("partnerId"))
          .toList();

  private final List<TaskCaseSource> sources;

  TaskCases(List<TaskCaseSource> sources) {
    this.sources = sources;
  }

  List<TaskCase> of(Map<String, Object> context, PartnerflowUser user) {
    List<TaskCase> cases = new ArrayList<>();
    for (String key : ORDER) {
      Object id = context.get(key);
      if (id == null || id.toString().isBlank()) {
        continue;
      }
      cases.add(
          sources.stream()
              .map(s -> s.caseOf(key, id.toString(), user))
              .flatMap(Optional::stream)
              .findFirst()
              .orElseGet(() -> new TaskCase(key, id.toString(), null)));
    }
    return cases;
  }
}
