package com.partnerflow.task;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.protocol.Protocol;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Reads a user task job's custom headers (assignee, candidates, dates, form key) into a record. */
final class UserTaskJobs {

  private static final ObjectMapper JSON = new ObjectMapper();

  private UserTaskJobs() {}

  static UserTaskJob from(ActivatedJob job, BiFunction<String, String, String> elementName) {
    Map<String, String> headers = job.getCustomHeaders();
    Map<String, Object> variables = job.getVariablesAsMap();
    List<String> groups = list(headers.get(Protocol.USER_TASK_CANDIDATE_GROUPS_HEADER_NAME));
    return new UserTaskJob(
        job.getKey(),
        job.getProcessInstanceKey(),
        job.getElementInstanceKey(),
        job.getBpmnProcessId(),
        job.getProcessDefinitionVersion(),
        job.getElementId(),
        elementName.apply(job.getBpmnProcessId(), job.getElementId()),
        blankToNull(headers.get(Protocol.USER_TASK_FORM_KEY_HEADER_NAME)),
        blankToNull(headers.get(Protocol.USER_TASK_ASSIGNEE_HEADER_NAME)),
        groups,
        list(headers.get(Protocol.USER_TASK_CANDIDATE_USERS_HEADER_NAME)),
        instant(headers.get(Protocol.USER_TASK_DUE_DATE_HEADER_NAME)),
        instant(headers.get(Protocol.USER_TASK_FOLLOW_UP_DATE_HEADER_NAME)),
        priority(headers.get(Protocol.USER_TASK_PRIORITY_HEADER_NAME)),
        partnerId(groups, variables),
        excludedUsers(variables),
        variables);
  }

  private static String partnerId(List<String> groups, Map<String, Object> variables) {
    return groups.stream()
        .filter(g -> g.startsWith(UserTaskJob.PARTNER_GROUP_PREFIX))
        .map(g -> g.substring(UserTaskJob.PARTNER_GROUP_PREFIX.length()))
        .findFirst()
        .orElseGet(
            () -> variables.get("partnerId") instanceof String id && !id.isBlank() ? id : null);
  }

  private static List<String> excludedUsers(Map<String, Object> variables) {
    return variables.get(UserTaskJob.EXCLUDED_USERS_VARIABLE) instanceof List<?> users
        ? users.stream()
            .filter(u -> u instanceof String s && !s.isBlank())
            .map(String.class::cast)
            .toList()
        : List.of();
  }

  /** Candidate lists arrive as a JSON array; older models used a comma-separated list. */
  static List<String> list(String header) {
    if (header == null || header.isBlank()) {
      return List.of();
    }
    String trimmed = header.trim();
    if (trimmed.startsWith("[")) {
      try {
        return JSON.readValue(trimmed, new TypeReference<List<String>>() {});
      } catch (IOException e) {
        throw new IllegalArgumentException("Unreadable candidate list: " + header, e);
      }
    }
    return List.of(trimmed.split("\\s*,\\s*"));
  }

  private static Instant instant(String header) {
    // FEEL date-times come with an offset or a zone id, e.g. 2026-11-24T05:37:25Z[Etc/UTC].
    return header == null || header.isBlank()
        ? null
        : DateTimeFormatter.ISO_DATE_TIME.parse(header.trim(), Instant::from);
  }

  private static int priority(String header) {
    return header == null || header.isBlank() ? 50 : Integer.parseInt(header.trim());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
