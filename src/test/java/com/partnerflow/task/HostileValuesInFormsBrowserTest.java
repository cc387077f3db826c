package com.partnerflow.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.partnerflow.BrowserTest;
import com.partnerflow.HostileValues;
import com.partnerflow.PartnerflowIntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every form in {@code forms/} whose text views show variables, rendered in a real browser by the
 * same code the pages use ({@code PartnerflowForms.create}), once with a plain value and once with
 * each value of {@link HostileValues#CORPUS} in every variable: the text views must hold exactly
 * the elements of the plain rendering (no tag, link or image comes from a value) and show the value
 * as text.
 */
@BrowserTest
@PartnerflowIntegrationTest
class HostileValuesInFormsBrowserTest {

  static final Pattern TEMPLATE_VARIABLE =
      Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
  static final String PLAIN = "Plain value";

  /**
   * Renders the schema with every variable set to one value and answers, per text view, its element
   * tag names (with href/src of links and images) and its text.
   */
  static final String RENDER =
      """
      var schema = JSON.parse(arguments[0]);
      var names = arguments[1];
      var values = arguments[2];
      var done = arguments[arguments.length - 1];
      function render(value) {
        var container = document.createElement('div');
        document.body.appendChild(container);
        var data = {};
        names.forEach(function (n) { data[n] = value; });
        var form = PartnerflowForms.create({ container: container });
        return form.importSchema(schema, data)
          .then(function () { return new Promise(function (r) { setTimeout(r, 20); }); })
          .then(function () {
            var views = Array.prototype.map.call(
              container.querySelectorAll('.fjs-form-field-text'),
              function (view) {
                var tags = Array.prototype.map.call(view.querySelectorAll('*'), function (e) {
                  return e.tagName.toLowerCase()
                    + (e.getAttribute('href') ? ' href=' + e.getAttribute('href') : '')
                    + (e.getAttribute('src') ? ' src=' + e.getAttribute('src') : '');
                });
                return { tags: tags, text: view.textContent };
              });
            form.destroy();
            container.remove();
            return views;
          });
      }
      var results = [];
      values.reduce(function (chain, value) {
        return chain.then(function () { return render(value); }).then(function (views) { results.push(views); });
      }, Promise.resolve())
        .then(function () { done(JSON.stringify(results)); })
        .catch(function (e) { done(JSON.stringify({ error: String(e) })); });
      """;

  @LocalServerPort int port;
  final ObjectMapper json = new ObjectMapper();

  @Test
  void noValueBecomesAnElementInAnyFormsTextView(WebDriver browser) throws IOException {
    // Any page that loads the form viewer will do; the public application page needs no sign-in.
    browser.get("http://localhost:" + port + "/apply");
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d ->
                (Boolean)
                    ((JavascriptExecutor) d).executeScript("return !!window.PartnerflowForms"));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));

    List<Path> forms;
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      forms = files.filter(p -> p.toString().endsWith(".form")).sorted().toList();
    }
    int checked = 0;
    for (Path form : forms) {
      String schema = Files.readString(form);
      Set<String> names = new LinkedHashSet<>();
      textViews(json.readTree(schema), names);
      if (names.isEmpty()) {
        continue;
      }
      List<String> values = new ArrayList<>();
      values.add(PLAIN);
      values.addAll(HostileValues.CORPUS);
      Object answer =
          ((JavascriptExecutor) browser)
              .executeAsyncScript(RENDER, schema, List.copyOf(names), values);
      JsonNode results = json.readTree((String) answer);
      assertThat(results.path("error").isMissingNode())
          .as("%s rendered: %s", form, results)
          .isTrue();
      JsonNode plain = results.get(0);
      for (int v = 1; v < values.size(); v++) {
        String value = values.get(v);
        JsonNode views = results.get(v);
        assertThat(views.size()).as("%s text views with %s", form, value).isEqualTo(plain.size());
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < views.size(); i++) {
          assertThat(views.get(i).get("tags"))
              .as("%s text view %d with the value %s", form, i, value)
              .isEqualTo(plain.get(i).get("tags"));
          text.append(views.get(i).get("text").asText()).append(' ');
        }
        assertThat(normalized(text.toString()))
            .as("%s text views show the value as text", form)
            .contains(normalized(shown(value)));
      }
      checked++;
    }
    assertThat(checked).as("forms with variables in text views").isGreaterThanOrEqualTo(4);
  }

  /** The names the text views' templates insert, collected at any depth. */
  static void textViews(JsonNode component, Set<String> names) {
    if ("text".equals(component.path("type").asText())) {
      Matcher m = TEMPLATE_VARIABLE.matcher(component.path("text").asText());
      while (m.find()) {
        names.add(m.group(1));
      }
    }
    for (JsonNode child : component.path("components")) {
      textViews(child, names);
    }
  }

  /** How a value must read: bidirectional overrides are shown as U+FFFD. */
  static String shown(String value) {
    return value.replace(HostileValues.RTL_OVERRIDE, "\uFFFD");
  }

  static String normalized(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
