package com.partnerflow.onboarding;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The denied-party list from {@code partnerflow.onboarding.denied-parties-file} (CSV with a header
 * line: name,domain,country,source). A list in the file system is read again as soon as its
 * modification time changes, so compliance can update it without a restart.
 */
@Component
class DeniedPartyList {

  private static final Logger log = LoggerFactory.getLogger(DeniedPartyList.class);

  private final Resource resource;
  private long loadedModified = Long.MIN_VALUE;
  private List<DeniedParty> entries = List.of();

  DeniedPartyList(OnboardingProperties properties) {
    this.resource = new DefaultResourceLoader().getResource(properties.deniedPartiesFile());
    current();
  }

  /** The entries as the file has them now. */
  synchronized List<DeniedParty> current() {
    long modified = lastModified();
    if (modified != loadedModified) {
      entries = read();
      loadedModified = modified;
      log.info(
          "Denied-party list {} loaded: {} entries", resource.getDescription(), entries.size());
    }
    return entries;
  }

  private long lastModified() {
    try {
      return resource.isFile() ? resource.lastModified() : 0L;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
    }
  }

  private List<DeniedParty> read() {
    List<DeniedParty> parsed = new ArrayList<>();
    try (var reader =
        new BufferedReader(
            new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      boolean header = true;
      while ((line = reader.readLine()) != null) {
        if (header || line.isBlank() || line.startsWith("#")) {
          header = false;
          continue;
        }
        String[] cells = line.split(",", -1);
        parsed.add(
            new DeniedParty(
                cell(cells, 0),
                cell(cells, 1).toLowerCase(Locale.ROOT),
                cell(cells, 2),
                cell(cells, 3)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource.getDescription(), e);
    }
    return List.copyOf(parsed);
  }

  private static String cell(String[] cells, int index) {
    return index < cells.length ? cells[index].trim() : "";
  }
}
