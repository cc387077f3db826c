package com.partnerflow.task.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerflow.common.InvalidRequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../../etc/passwd",
        "a/b.pdf",
        "..\\x.pdf",
        "/etc/passwd",
        "C:x.pdf",
        "..",
        ".",
        "in\nvoice.pdf",
        "invoice\u0000.pdf",
        "fdp\u202Eexe.pdf",
        " ",
        ""
      })
  void refusesPathsControlCharactersAndEmptyNames(String name) {
    assertThatThrownBy(() -> FileNames.check(name))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.problems().get(0).field()).isEqualTo("fileName"));
  }

  @Test
  void refusesOverlongNames() {
    assertThatThrownBy(() -> FileNames.check("a".repeat(252) + ".pdf"))
        .hasMessageContaining("more than 255");
  }

  @Test
  void keepsPlainNamesAsGiven() {
    assertThat(FileNames.check("Rechnung März 2026 (final).pdf"))
        .isEqualTo("Rechnung März 2026 (final).pdf");
    assertThat(FileNames.check("..invoice.pdf")).isEqualTo("..invoice.pdf");
    assertThat(FileNames.extension("a.b.JPEG")).isEqualTo(".jpeg");
    assertThat(FileNames.extension(".pdf")).isEmpty();
  }
}
