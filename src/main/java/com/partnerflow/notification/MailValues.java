package com.partnerflow.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Makes the values of a mail safe to show as text in both of its parts. The HTML part escapes them
 * already; what escaping cannot cover is handled here for both parts: a line break in a company
 * name would end the {@code Subject:} line or forge lines of the text part ("Pay here: …"), other
 * control characters have no place in a mail, and bidirectional overrides (U+202E makes "fdp.exe"
 * read "exe.pdf") would disguise what the reader sees. Line breaks and controls become spaces,
 * bidirectional controls U+FFFD. Strings inside lists and maps are treated the same; other values
 * pass unchanged.
 */
final class MailValues {

  private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u0085]");
  private static final Pattern BIDI_CONTROLS =
      Pattern.compile("[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

  private MailValues() {}

  static Map<String, Object> neutralized(Map<String, ?> model) {
    Map<String, Object> safe = new LinkedHashMap<>();
    model.forEach((key, value) -> safe.put(key, neutralized(value)));
    return safe;
  }

  static Object neutralized(Object value) {
    if (value instanceof String s) {
      return text(s);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(MailValues::neutralized).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> safe = new LinkedHashMap<>();
      map.forEach((k, v) -> safe.put(k, neutralized(v)));
      return safe;
    }
    return value;
  }

  static String text(String value) {
    return BIDI_CONTROLS.matcher(CONTROLS.matcher(value).replaceAll(" ")).replaceAll("\uFFFD");
  }
}
