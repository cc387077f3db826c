/**
 * Camunda wiring: the in-process Zeebe engine of the embedded mode, deployment of the process
 * owners' {@code bpmn/} and {@code forms/} folders, engine health, and the logging context of job
 * workers. Other modules talk to the engine through the Camunda client only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Engine")
package com.partnerflow.engine;
