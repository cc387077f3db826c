package com.partnerflow.task.attachment;

import com.partnerflow.common.InvalidRequestException;
import java.util.regex.Pattern;

/**
 * An uploaded file's name is shown and offered for download again, so it must be a plain name: not
 * a path ({@code ../../etc/passwd}, {@code a/b.pdf}, {@code ..\x.pdf}, {@code C:x.pdf}), and
 * without control or bidirectional formatting characters (U+202E makes {@code fdp.exe} read {@code
 * exe.pdf}).
 */
final class FileNames {

  static final String FIELD = "fileName";
  static final int MAX_LENGTH = 255;

  private static final Pattern PATH_CHARACTERS = Pattern.compile("[/\\\\:]");
  private static final Pattern CONTROLS =
      Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

  private FileNames() {}

  /** The name as given, if it is a plain file name; otherwise a 400 naming {@code fileName}. */
  static String check(String name) {
    if (name == null || name.isBlank()) {
      throw InvalidRequestException.of(FIELD, "is missing: the file part needs a filename");
    }
    if (name.length() > MAX_LENGTH) {
      throw InvalidRequestException.of(FIELD, "has more than " + MAX_LENGTH + " characters");
    }
    if (PATH_CHARACTERS.matcher(name).find() || name.equals(".") || name.equals("..")) {
      throw InvalidRequestException.of(
          FIELD, "must be a plain file name, not a path (no '/', '\\', ':', '.' or '..')");
    }
    if (CONTROLS.matcher(name).find()) {
      throw InvalidRequestException.of(
          FIELD, "contains control or bidirectional formatting characters");
    }
    return name;
  }

  /** The extension in lower case with its dot, e.g. {@code .pdf}; empty when there is none. */
  static String extension(String name) {
    int dot = name.lastIndexOf('.');
    return dot <= 0 ? "" : name.substring(dot).toLowerCase(java.util.Locale.ROOT);
  }
}
