package com.partnerflow.processowner;

import com.partnerflow.common.ConflictException;
import com.partnerflow.common.NotFoundException;
import com.partnerflow.engine.EmbeddedZeebeEngine;
import com.partnerflow.engine.JobFailures;
import com.partnerflow.processowner.internal.OpenIncidents;
import com.partnerflow.processowner.internal.OpenIncidents.Incident;
import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.search.enums.IncidentState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Jobs whose retries ran out and other incidents, and their retry after a fix. In the embedded mode
 * the open incidents come from the engine's records (with the job type and the case's business
 * subject); on a cluster from its search API ({@code /v2/incidents/search}, which needs the
 * cluster's secondary storage), without job type and subject. A retry gives the job its retries
 * back and resolves the incident, through the Camunda client in both modes.
 */
@Service
class Incidents {

  /** The retries a job gets back: as many as the diagrams give their service tasks. */
  static final int RETRIES = 3;

  private static final Logger log = LoggerFactory.getLogger(Incidents.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final CamundaClient client;
  private final OpenIncidents embedded;
  private final JobFailures jobFailures;

  Incidents(
      CamundaClient client, ObjectProvider<EmbeddedZeebeEngine> engine, JobFailures jobFailures) {
    this.jobFailures = jobFailures;
    this.client = client;
    EmbeddedZeebeEngine running = engine.getIfAvailable();
    this.embedded = running == null ? null : new OpenIncidents(running);
  }

  /** The open incidents, oldest first. */
  List<Incident> open() {
    if (embedded != null) {
      return embedded.current();
    }
    return client
        .newIncidentSearchRequest()
        .filter(f -> f.state(IncidentState.ACTIVE))
        .requestTimeout(TIMEOUT)
        .send()
        .join()
        .items()
        .stream()
        .map(
            i ->
                new Incident(
                    i.getIncidentKey(),
                    i.getProcessDefinitionId(),
                    i.getProcessDefinitionKey(),
                    i.getProcessInstanceKey(),
                    i.getElementId(),
                    i.getErrorType() == null ? null : i.getErrorType().name(),
                    i.getErrorMessage(),
                    i.getJobKey() == null || i.getJobKey() <= 0 ? null : i.getJobKey(),
                    null,
                    null,
                    i.getCreationTime() == null ? null : i.getCreationTime().toInstant()))
        .toList();
  }

  Optional<Incident> find(long incidentKey) {
    return open().stream().filter(i -> i.incidentKey() == incidentKey).findFirst();
  }

  /**
   * Gives the incident's job {@link #RETRIES} retries and resolves the incident, so the engine runs
   * the step again; for an incident of no job it only resolves it.
   *
   * @throws NotFoundException when no such incident is open
   * @throws ConflictException when the engine refuses (e.g. resolved meanwhile)
   */
  Incident retry(long incidentKey, String by) {
    Incident incident =
        find(incidentKey).orElseThrow(() -> new NotFoundException("Incident " + incidentKey));
    try {
      if (incident.jobKey() != null) {
        jobFailures.forget(incident.jobKey());
        client
            .newUpdateRetriesCommand(incident.jobKey())
            .retries(RETRIES)
            .requestTimeout(TIMEOUT)
            .send()
            .join();
      }
      client.newResolveIncidentCommand(incidentKey).requestTimeout(TIMEOUT).send().join();
    } catch (ClientException e) {
      throw new ConflictException(
          "The engine refused to retry incident " + incidentKey + ": " + e.getMessage());
    }
    log.info(
        "{} retried incident {} of {} at {} (job {})",
        by,
        incidentKey,
        incident.bpmnProcessId(),
        incident.elementId(),
        incident.jobKey());
    return incident;
  }
}
