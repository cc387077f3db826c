package com.partnerflow.task;

import com.partnerflow.identity.PartnerflowUser;
import java.util.Optional;

/**
 * Implemented by the modules that own business cases, to name the case a task's context variable
 * ({@link UserTaskJob#CONTEXT_KEYS}) points to, so task pages show titles and links instead of ids.
 */
public interface TaskCaseSource {

  /**
   * The case behind one context variable, e.g. {@code mdfRequestId} → the request; empty when this
   * module does not own the key or knows no such case. Arguments are never null.
   */
  Optional<TaskCase> caseOf(String contextKey, String id, PartnerflowUser user);
}
