package com.partnerflow.task.form;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and writing nested values by key path ({@code partner.address.city}). */
final class Paths {

  private Paths() {}

  static List<String> segments(String dotted) {
    return List.of(dotted.split("\\.", -1));
  }

  /** The value at the path, or {@code null} when any step is missing or not an object. */
  static Object get(Map<String, ?> root, List<String> path) {
    Object current = root;
    for (String segment : path) {
      if (!(current instanceof Map<?, ?> map)) {
        return null;
      }
      current = map.get(segment);
    }
    return current;
  }

  static boolean contains(Map<String, ?> root, List<String> path) {
    Object current = root;
    for (String segment : path) {
      if (!(current instanceof Map<?, ?> map) || !map.containsKey(segment)) {
        return false;
      }
      current = map.get(segment);
    }
    return true;
  }

  /** Puts the value, creating the objects on the way. */
  @SuppressWarnings("unchecked")
  static void put(Map<String, Object> root, List<String> path, Object value) {
    Map<String, Object> current = root;
    for (String segment : path.subList(0, path.size() - 1)) {
      Object next = current.get(segment);
      if (!(next instanceof Map)) {
        next = new LinkedHashMap<String, Object>();
        current.put(segment, next);
      }
      current = (Map<String, Object>) next;
    }
    current.put(path.get(path.size() - 1), value);
  }

  /** A copy of {@code base} with {@code overlay} laid over it, merging nested objects. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
    var merged = new LinkedHashMap<>(base);
    overlay.forEach(
        (key, value) -> {
          if (merged.get(key) instanceof Map<?, ?> below && value instanceof Map<?, ?> above) {
            merged.put(key, merge((Map<String, Object>) below, (Map<String, Object>) above));
          } else {
            merged.put(key, value);
          }
        });
    return merged;
  }

  static String join(String prefix, String key) {
    if (prefix.isEmpty() || key.isEmpty()) {
      return prefix + key;
    }
    return prefix + "." + key;
  }
}
