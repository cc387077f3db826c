package com.partnerflow.engine;

/**
 * One definition the engine accepted from {@code bpmn/} or {@code forms/} at startup.
 *
 * @param kind {@code process}, {@code decision} or {@code form}
 * @param id the bpmnProcessId, decision id or form id
 * @param version the engine's version of that definition
 * @param key the engine's definition key
 * @param resourceName the file it came from
 */
public record DeployedDefinition(
    String kind, String id, int version, long key, String resourceName) {}
