package com.partnerflow.processowner.internal;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What a new deployment may rely on besides its own files.
 *
 * @param workerTypes job types with a {@code @JobWorker} in this service
 * @param externalJobTypes job types another system works ({@code
 *     partnerflow.deployments.external-job-types})
 * @param knownGroups groups that exist: those of the users, plus configured ones
 * @param formInForms whether a custom form key names a file in {@code forms/}
 * @param deployedFormIds ids of deployed forms (for forms linked by {@code formId})
 * @param processFiles the deployed processes: bpmnProcessId to the file that holds it
 * @param decisionIds ids of the deployed decisions
 * @param variables what the variable flow of a diagram can rely on
 */
public record Landscape(
    Set<String> workerTypes,
    Set<String> externalJobTypes,
    Set<String> knownGroups,
    Predicate<String> formInForms,
    Set<String> deployedFormIds,
    Map<String, String> processFiles,
    Set<String> decisionIds,
    VariableContracts variables) {}
