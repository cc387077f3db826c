package com.partnerflow.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders {@code templates/mail/<name>.html} and {@code <name>.txt}. The text template's first line
 * is {@code Subject: …}; values are escaped in the HTML part and kept on one line without
 * bidirectional overrides in both ({@link MailValues}).
 */
@Component
class MailTemplates {

  record RenderedMail(String subject, String text, String html) {}

  private final TemplateEngine html = engine(TemplateMode.HTML, ".html");
  private final TemplateEngine text = engine(TemplateMode.TEXT, ".txt");

  private static TemplateEngine engine(TemplateMode mode, String suffix) {
    var resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/mail/");
    resolver.setSuffix(suffix);
    resolver.setTemplateMode(mode);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    var engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  RenderedMail render(String template, Map<String, Object> model) {
    // Values are partner input: text only, on one line, in both parts (see MailValues).
    var context = new Context(Locale.ENGLISH, MailValues.neutralized(model));
    String plain = text.process(template, context);
    int newline = plain.indexOf('\n');
    String firstLine = newline < 0 ? plain : plain.substring(0, newline);
    if (!firstLine.startsWith("Subject:")) {
      throw new IllegalStateException(
          "templates/mail/" + template + ".txt must start with a 'Subject: …' line");
    }
    return new RenderedMail(
        firstLine.substring("Subject:".length()).trim(),
        plain.substring(newline + 1).strip(),
        html.process(template, context));
  }
}
