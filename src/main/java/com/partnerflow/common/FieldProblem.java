package com.partnerflow.common;

/**
 * One reason a request was refused: the field (a JSON path such as {@code milestones[0].name}, or
 * empty for the whole request) and why.
 */
public record FieldProblem(String field, String message) {}
