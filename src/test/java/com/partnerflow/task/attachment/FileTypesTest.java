package com.partnerflow.task.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.partnerflow.common.FieldProblem;
import com.partnerflow.common.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/** Types come from the content: real PDF, PNG and JPEG bytes pass, lying files do not. */
class FileTypesTest {

  final FileTypes types =
      new FileTypes(
          new AttachmentProperties(
              null,
              DataSize.ofMegabytes(10),
              List.of("application/pdf", "image/png", "image/jpeg"),
              Set.of(),
              Duration.ofHours(1),
              Duration.ofHours(1)));

  String check(String name, String declared, byte[] content) throws IOException {
    return types.check(name, declared, new ByteArrayInputStream(content));
  }

  @Test
  void detectsRealFilesFromTheirContent() throws IOException {
    assertThat(types.detect(new ByteArrayInputStream(SampleFiles.pdf())))
        .isEqualTo("application/pdf");
    assertThat(types.detect(new ByteArrayInputStream(SampleFiles.png()))).isEqualTo("image/png");
    assertThat(types.detect(new ByteArrayInputStream(SampleFiles.jpeg()))).isEqualTo("image/jpeg");
  }

  @Test
  void acceptsRealFilesWhoseNameAndDeclaredTypeAgree() throws IOException {
    assertThat(check("invoice.pdf", "application/pdf", SampleFiles.pdf()))
        .isEqualTo("application/pdf");
    assertThat(check("Invoice.PDF", null, SampleFiles.pdf())).isEqualTo("application/pdf");
    assertThat(check("photo.png", "image/png", SampleFiles.png())).isEqualTo("image/png");
    assertThat(check("photo.jpg", "image/jpeg", SampleFiles.jpeg())).isEqualTo("image/jpeg");
    assertThat(check("photo.jpeg", "application/octet-stream", SampleFiles.jpeg()))
        .isEqualTo("image/jpeg");
    assertThat(check("photo.jpg", "IMAGE/JPEG; name=photo.jpg", SampleFiles.jpeg()))
        .as("parameters and case of the declared type do not matter")
        .isEqualTo("image/jpeg");
  }

  @Test
  void refusesContentOfOtherTypesWhateverItsNameSays() {
    assertUnsupported("invoice.pdf", SampleFiles.html(), "text/html");
    assertUnsupported("invoice.pdf", SampleFiles.zip(), "application/zip");
    assertUnsupported("invoice.pdf", SampleFiles.exe(), "application/x-");
    assertUnsupported("invoice.pdf", "just some words".getBytes(), "text/plain");
  }

  @Test
  void refusesAnExtensionThatContradictsTheContent() {
    assertContradiction(
        "photo.pdf", null, SampleFiles.png(), "content is image/png but its name ends in .pdf");
    assertContradiction("invoice", null, SampleFiles.pdf(), "has no extension; expected .pdf");
    assertContradiction("invoice.exe", null, SampleFiles.pdf(), "ends in .exe");
  }

  @Test
  void refusesADeclaredTypeThatContradictsTheContent() {
    assertContradiction(
        "invoice.pdf",
        "image/png",
        SampleFiles.pdf(),
        "declared as image/png but its content is application/pdf");
  }

  private void assertUnsupported(String name, byte[] content, String detected) {
    assertThatThrownBy(() -> check(name, "application/pdf", content))
        .isInstanceOfSatisfying(
            UnacceptableFile.class,
            e -> {
              assertThat(e.status()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
              assertThat(e.field()).isEqualTo("file");
              assertThat(e.reason()).contains("its content is " + detected);
            });
  }

  private void assertContradiction(String name, String declared, byte[] content, String reason) {
    assertThatThrownBy(() -> check(name, declared, content))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .extracting(FieldProblem::field, FieldProblem::message)
                    .satisfies(
                        fm -> {
                          assertThat(fm.get(0)).isEqualTo("file");
                          assertThat((String) fm.get(1)).contains(reason);
                        }));
  }
}
