package com.partnerflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.partnerflow.HostileValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every mail template, rendered with every value of {@link HostileValues#CORPUS} in every variable
 * a partner or applicant could have typed: the HTML part has exactly the elements and links of a
 * rendering with a plain value, and the text part the same lines, with the value shown as text.
 */
class MailTemplatesTest {

  static final Path TEMPLATES = Path.of("src/main/resources/templates/mail");
  static final Pattern TAG = Pattern.compile("<(/?[a-zA-Z][a-zA-Z0-9]*)([^>]*)>");
  static final Pattern HREF = Pattern.compile("(href|src)\\s*=\\s*\"([^\"]*)\"");
  static final String LINK = "https://partnerflow.example/applicant-tasks/token";

  final MailTemplates templates = new MailTemplates();

  static Map<String, Object> model(String value) {
    Map<String, Object> model = new HashMap<>();
    for (String name :
        List.of(
            "changedAt",
            "changedByName",
            "companyName",
            "contactName",
            "due",
            "group",
            "id",
            "milestone",
            "newAccount",
            "newHolderName",
            "oldAccount",
            "oldHolderName",
            "partnerName",
            "proposedTier",
            "reason",
            "reference",
            "tier",
            "title",
            "username")) {
      model.put(name, value);
    }
    model.put("reasons", List.of(value, value));
    model.put(
        "tierBenefits",
        Map.of("annualAllocation", value, "minCoFundingShare", value, "perActivityCap", value));
    // Links are built by the service, never typed by a partner.
    model.put("link", LINK);
    model.put("statusLink", "https://partnerflow.example/application-status/token");
    return model;
  }

  /** The elements of an HTML document in order, with the targets of links and images. */
  static List<String> elements(String html) {
    List<String> elements = new ArrayList<>();
    Matcher tag = TAG.matcher(html);
    while (tag.find()) {
      Matcher href = HREF.matcher(tag.group(2));
      elements.add(tag.group(1).toLowerCase() + (href.find() ? " " + href.group(2) : ""));
    }
    return elements;
  }

  static List<String> templateNames() throws IOException {
    try (Stream<Path> files = Files.list(TEMPLATES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".txt"))
          .map(n -> n.substring(0, n.length() - ".txt".length()))
          .sorted()
          .toList();
    }
  }

  @Test
  void hostileValuesStayTextInEveryMail() throws IOException {
    List<String> names = templateNames();
    assertThat(names).hasSizeGreaterThanOrEqualTo(11);
    for (String name : names) {
      MailTemplates.RenderedMail plain = templates.render(name, model("Plain value"));
      for (String value : HostileValues.CORPUS) {
        MailTemplates.RenderedMail mail = templates.render(name, model(value));
        String shown =
            value.replaceAll("[\\p{Cc}]", " ").replace(HostileValues.RTL_OVERRIDE, "\uFFFD");

        assertThat(elements(mail.html()))
            .as("elements of %s.html with the value %s", name, value)
            .isEqualTo(elements(plain.html()));
        assertThat(mail.html()).doesNotContain(HostileValues.RTL_OVERRIDE);

        assertThat(mail.subject()).doesNotContain("\n", "\r", HostileValues.RTL_OVERRIDE);
        if (!plain.subject().equals(templates.render(name, model("Other")).subject())) {
          assertThat(mail.subject()).as("subject of %s", name).contains(shown);
        }
        assertThat(mail.text().lines().count())
            .as("lines of %s.txt with the value %s", name, value)
            .isEqualTo(plain.text().lines().count());
        assertThat(mail.text()).doesNotContain(HostileValues.RTL_OVERRIDE);
        if (!plain.text().equals(templates.render(name, model("Other")).text())) {
          assertThat(mail.text()).as("%s.txt shows the value", name).contains(shown);
        }
      }
    }
  }
}
