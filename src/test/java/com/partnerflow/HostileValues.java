package com.partnerflow;

import java.util.List;

/**
 * Values a hostile partner or applicant might type into any text field (issue 19): markup, event
 * handlers, markdown links and images, autolinks, form-js template syntax, FEEL-looking input,
 * entities, line breaks that would start markdown blocks, a right-to-left override and a very long
 * string. Wherever such a value is shown it must stay text: no element or link may come of it.
 */
public final class HostileValues {

  /** Right-to-left override: "\u202Efdp.exe" is displayed as "exe.pdf". */
  public static final String RTL_OVERRIDE = "\u202E";

  public static final List<String> CORPUS =
      List.of(
          "<img src=x onerror=alert(1)> {{partnerId}}",
          "<a href=\"https://evil.example/invoice\">open the invoice</a>",
          "<script>alert(1)</script><b>bold</b>",
          "\"><svg onload=alert(1)><iframe src=https://evil.example></iframe>",
          "<style>body{display:none}</style>",
          "[open the invoice](https://evil.example/invoice)",
          "![pixel](https://evil.example/pixel.png)",
          "see https://evil.example/a and www.evil.example and mail@evil.example",
          "**bold** _emphasis_ `code` ~~gone~~ <https://evil.example>",
          "line one\n# Heading\n- item\n> quote\n\n    code\n| a | b |\n|---|---|",
          "{{partnerId}} {{#if true}}yes{{/if}}",
          "=partnerId",
          "=\"<img src=x>\"",
          "&lt;b&gt;entity&lt;/b&gt; &#60;i&#62;",
          "javascript:alert(1)",
          RTL_OVERRIDE + "fdp.exe",
          "A".repeat(4000) + "<img src=x>");

  private HostileValues() {}
}
