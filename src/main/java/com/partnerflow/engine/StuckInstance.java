package com.partnerflow.engine;

import java.time.Instant;

/**
 * A process instance the engine stopped advancing because it could not process one of its steps (an
 * engine error, not an incident: no retry brings it back).
 *
 * @param processInstanceKey the instance, or {@code -1} when the failed step belonged to none
 * @param bpmnProcessId the process, {@code null} when the engine's records do not tell
 * @param elementId the element whose step failed, {@code null} when unknown (e.g. at the start)
 * @param elementName the element's name in the diagram, or its id
 * @param error the engine's exception message
 * @param since when the engine gave up on it (engine time)
 */
public record StuckInstance(
    long processInstanceKey,
    String bpmnProcessId,
    String elementId,
    String elementName,
    String error,
    Instant since) {}
