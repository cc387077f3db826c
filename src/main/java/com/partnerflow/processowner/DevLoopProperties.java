package com.partnerflow.processowner;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The dev loop (embedded mode only): files changed on disk are checked and deployed without a
 * restart.
 *
 * @param enabled whether to watch at all (off by default)
 * @param directories the folders watched for {@code .bpmn}, {@code .dmn} and {@code .form} files,
 *     relative to the working directory (the project's root under {@code ./mvnw spring-boot:run})
 * @param interval how often they are compared with what was seen last
 */
@ConfigurationProperties("partnerflow.deployments.watch")
public record DevLoopProperties(
    @DefaultValue("false") boolean enabled,
    @DefaultValue({"bpmn", "forms"}) List<Path> directories,
    @DefaultValue("PT1S") Duration interval) {}
