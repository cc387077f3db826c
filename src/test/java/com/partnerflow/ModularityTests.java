package com.partnerflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

/** The capability modules have no cycles and use each other only through their APIs. */
class ModularityTests {

  static final Path DOCS = Path.of("target", "spring-modulith-docs");

  ApplicationModules modules = ApplicationModules.of(PartnerflowApplication.class);

  @Test
  void modulesRespectTheirBoundaries() {
    modules.verify();
  }

  /** The modules README.md's architecture table describes, and only those. */
  @Test
  void theModulesAreThoseTheReadmeDescribes() {
    assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
        .containsExactlyInAnyOrder(
            "engine",
            "identity",
            "partner",
            "onboarding",
            "mdf",
            "disbursement",
            "dispute",
            "insights",
            "fund",
            "processowner",
            "task",
            "notification",
            "demo",
            "web",
            "common");
  }

  @Test
  void writesModuleDocumentation() throws IOException {
    deleteEarlierDocumentation();

    // A module that uses no other (yet) is drawn too, rather than silently left out.
    new Documenter(modules, DOCS.toString())
        .writeModulesAsPlantUml(
            DiagramOptions.defaults()
                .withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE))
        .writeIndividualModulesAsPlantUml();

    String overview = Files.readString(DOCS.resolve("components.puml"));
    for (ApplicationModule module : modules) {
      // PlantUML quotes the names: "Partner" must not pass for "Partner onboarding".
      String name = '"' + module.getDisplayName() + '"';
      assertThat(overview).as("components.puml").contains(name);
      Path own = DOCS.resolve("module-" + module.getIdentifier() + ".puml");
      assertThat(own).exists();
      assertThat(Files.readString(own)).as(own.toString()).contains(name);
    }
  }

  /** So that the files checked above are this run's, not left over from an earlier build. */
  private static void deleteEarlierDocumentation() throws IOException {
    if (Files.exists(DOCS)) {
      try (Stream<Path> files = Files.walk(DOCS)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }
}
