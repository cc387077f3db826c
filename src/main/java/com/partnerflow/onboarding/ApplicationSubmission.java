package com.partnerflow.onboarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.common.ConflictException;
import com.partnerflow.common.TemporarilyUnavailableException;
import com.partnerflow.engine.ProcessVariables;
import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a public partner application: validates it, stores it (one open application per domain) and
 * starts the onboarding process. When the engine refuses, the application is removed again, so
 * nothing is half-created.
 */
@Service
class ApplicationSubmission {
  /** {@link ProcessVariables} declared for the process owners' compatibility check. */
  @Bean
  static ProcessVariables onboardingVariables() {
    return OnboardingProcess.VARIABLES;
  }

  private static final Logger log = LoggerFactory.getLogger(ApplicationSubmission.class);

  private final ApplicationValidator validator = ApplicationValidator.fromClasspath();
  private final JsonNode formSchema;
  private final PartnerApplications applications;
  private final ApplicationEvents events;
  private final CamundaClient engine;
  private final TransactionTemplate transaction;
  private final Clock clock;

  ApplicationSubmission(
      PartnerApplications applications,
      ApplicationEvents events,
      CamundaClient engine,
      TransactionTemplate transaction,
      ObjectMapper json,
      Clock clock)
      throws IOException {
    try (InputStream in =
        getClass().getClassLoader().getResourceAsStream(ApplicationValidator.FORM)) {
      this.formSchema = json.readTree(in);
    }
    this.applications = applications;
    this.events = events;
    this.engine = engine;
    this.transaction = transaction;
    this.clock = clock;
  }

  /** The schema of forms/partner-application.form, as JSON. */
  JsonNode formSchema() {
    return formSchema;
  }

  PartnerApplication submit(Map<String, Object> submitted) {
    ValidApplication valid = validator.validate(submitted);
    PartnerApplication application = store(valid);
    long instanceKey;
    try {
      instanceKey =
          engine
              .newCreateInstanceCommand()
              .bpmnProcessId(OnboardingProcess.PROCESS_ID)
              .latestVersion()
              .variables(OnboardingProcess.VARIABLES.checked(variablesOf(application)))
              .send()
              .join()
              .getProcessInstanceKey();
    } catch (RuntimeException e) {
      transaction.executeWithoutResult(
          s -> {
            events.deleteAll(events.findByApplicationIdOrderByAtAscIdAsc(application.getId()));
            applications.deleteById(application.getId());
          });
      throw new TemporarilyUnavailableException(
          "The process engine did not accept the application; try again", e);
    }
    transaction.executeWithoutResult(
        s -> applications.findById(application.getId()).orElseThrow().startedAs(instanceKey));
    log.info(
        "Application {} from {} started as {}", application.getId(), valid.domain(), instanceKey);
    return application;
  }

  private PartnerApplication store(ValidApplication valid) {
    if (applications.existsByOpenDomain(valid.domain())) {
      throw duplicate(valid.domain());
    }
    try {
      return transaction.execute(
          s -> {
            PartnerApplication saved =
                applications.saveAndFlush(new PartnerApplication(valid, clock.instant()));
            events.save(
                new ApplicationEvent(
                    saved.getId(),
                    "SUBMITTED",
                    valid.contactEmail(),
                    "Application by " + valid.contactName(),
                    clock.instant()));
            return saved;
          });
    } catch (DataIntegrityViolationException raced) {
      throw duplicate(valid.domain());
    }
  }

  private static ConflictException duplicate(String domain) {
    return new ConflictException("An application for " + domain + " is already open");
  }

  static Map<String, Object> variablesOf(PartnerApplication a) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("applicationId", a.getId());
    variables.put("companyName", a.getCompanyName());
    variables.put("website", a.getWebsite());
    variables.put("domain", a.getDomain());
    variables.put("country", a.getCountry());
    variables.put("region", a.getRegion());
    variables.put("partnerType", a.getPartnerType());
    variables.put("verticals", a.getVerticals());
    variables.put("expectedAnnualRevenue", a.getExpectedAnnualRevenue());
    variables.put("certifiedStaff", a.getCertifiedStaff());
    variables.put("contactName", a.getContactName());
    variables.put("contactEmail", a.getContactEmail());
    return variables;
  }
}
