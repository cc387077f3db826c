package com.partnerflow.onboarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeniedPartyListTest {

  @TempDir Path dir;

  static OnboardingProperties properties(String file) {
    return new OnboardingProperties(file, "http://localhost", "team@example", Duration.ofDays(1));
  }

  @Test
  void readsTheShippedDemoList() {
    var list = new DeniedPartyList(properties("classpath:onboarding/denied-parties.csv"));

    assertThat(list.current())
        .extracting(DeniedParty::name)
        .contains("Evil Exports Ltd", "Shady Trading GmbH");
  }

  @Test
  void readsAFileAgainWhenItChangesWithoutARestart() throws Exception {
    Path file = dir.resolve("denied.csv");
    Files.writeString(file, "name,domain,country,source\nFirst Co,first.example,KP,List A\n");
    var list = new DeniedPartyList(properties("file:" + file));
    assertThat(list.current()).extracting(DeniedParty::name).containsExactly("First Co");

    Files.writeString(
        file,
        "name,domain,country,source\nFirst Co,first.example,KP,List A\nSecond Ltd,Second.example,IR,List B\n");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

    assertThat(list.current())
        .extracting(DeniedParty::domain)
        .containsExactly("first.example", "second.example");
  }
}
