/**
 * Camunda Forms: the schema model and the server-side validator of submitted values. Exposed as the
 * named interface {@code task::form} so other modules can validate a public submission (for example
 * a partner application) against a form in {@code forms/}.
 */
@org.springframework.modulith.NamedInterface("form")
package com.partnerflow.task.form;
