package com.partnerflow;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service in its embedded mode on free ports: real engine, H2, SMTP and HTTP. All tests
 * with this annotation share one application context (and so one engine and one clock: read and
 * move time through {@link BusinessTime}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "camunda.client.worker.defaults.retry-backoff=PT0.2S")
@ContextConfiguration(initializers = FreePortsInitializer.class)
@Import({TestWorkers.class, BusinessTime.class})
public @interface PartnerflowIntegrationTest {}
