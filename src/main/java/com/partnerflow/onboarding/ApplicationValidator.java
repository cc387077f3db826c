package com.partnerflow.onboarding;

import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import com.partnerflow.task.form.FormSchema;
import com.partnerflow.task.form.FormValidation;
import com.partnerflow.task.form.FormValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks a public partner application: first against {@code forms/partner-application.form} (the
 * same form the public page renders), then the rules a form cannot express (a real ISO country,
 * terms accepted, a website that names a domain).
 */
class ApplicationValidator {

  static final String FORM = "forms/partner-application.form";
  private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

  private final FormSchema schema;
  private final FormValidator validator = new FormValidator();

  ApplicationValidator(FormSchema schema) {
    this.schema = schema;
  }

  static ApplicationValidator fromClasspath() {
    try (InputStream in = ApplicationValidator.class.getClassLoader().getResourceAsStream(FORM)) {
      if (in == null) {
        throw new IllegalStateException(FORM + " is missing");
      }
      return new ApplicationValidator(
          FormSchema.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * @throws InvalidRequestException naming every field that is wrong
   */
  ValidApplication validate(Map<String, Object> submitted) {
    FormValidation validation = validator.validate(schema, submitted, Map.of());
    List<FieldProblem> problems = new ArrayList<>(validation.problems());
    Map<String, Object> values = validation.accepted();
    Object country = values.get("country");
    if (country != null && !COUNTRIES.contains(country)) {
      problems.add(new FieldProblem("country", "must be an ISO 3166 alpha-2 country code"));
    }
    if (values.containsKey("acceptTerms") && !Boolean.TRUE.equals(values.get("acceptTerms"))) {
      problems.add(new FieldProblem("acceptTerms", "the program terms must be accepted"));
    }
    Object website = values.get("website");
    String domain = website == null ? null : domainOf(website.toString().trim());
    if (website != null && domain == null) {
      problems.add(new FieldProblem("website", "must name a domain such as example.com"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRequestException(problems);
    }
    return new ValidApplication(
        ((String) values.get("companyName")).trim(),
        website.toString().trim(),
        domain,
        (String) country,
        (String) values.get("region"),
        (String) values.get("partnerType"),
        verticals(values.get("verticals")),
        new BigDecimal(values.get("expectedAnnualRevenue").toString()),
        new BigDecimal(values.get("certifiedStaff").toString()).intValueExact(),
        ((String) values.get("contactName")).trim(),
        ((String) values.get("contactEmail")).trim().toLowerCase(Locale.ROOT));
  }

  private static List<String> verticals(Object value) {
    if (value instanceof List<?> list) {
      return list.stream().map(Object::toString).distinct().toList();
    }
    return List.of();
  }

  /** The lower-case host of a website without {@code www.}, or null when there is none. */
  static String domainOf(String website) {
    String host = website.replaceFirst("(?i)^https?://", "");
    int end = host.length();
    for (char c : new char[] {'/', '?', '#', ':'}) {
      int at = host.indexOf(c);
      if (at >= 0 && at < end) {
        end = at;
      }
    }
    host = host.substring(0, end).toLowerCase(Locale.ROOT);
    if (host.startsWith("www.")) {
      host = host.substring(4);
    }
    try {
      host = IDN.toASCII(host);
    } catch (IllegalArgumentException e) {
      return null;
    }
    return host.contains(".") && host.length() <= 253 ? host : null;
  }
}
