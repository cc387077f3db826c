package com.partnerflow.task.attachment;

import com.partnerflow.common.InvalidRequestException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/**
 * Decides what a file is from its content, never from its name: Apache Tika reads its first bytes
 * (the magic numbers of PDF, PNG, JPEG, HTML, ZIP, executables...). The file is accepted only when
 * that type is allowed and its name's extension and the type the client declared (if any other than
 * {@code application/octet-stream}) agree with it.
 */
@Component
class FileTypes {

  static final String FIELD = "file";
  private static final String UNKNOWN = MediaType.OCTET_STREAM.toString();

  private final Tika tika = new Tika();
  private final MimeTypes registry = MimeTypes.getDefaultMimeTypes();
  private final Set<String> allowed;

  FileTypes(AttachmentProperties properties) {
    this.allowed = Set.copyOf(properties.allowedTypes());
  }

  /** What a stream of content is, e.g. {@code application/pdf}; reads only its first bytes. */
  String detect(InputStream content) throws IOException {
    return tika.detect(content);
  }

  /**
   * The content type of an acceptable file.
   *
   * @throws UnacceptableFile 415 when the content is of a type not allowed
   * @throws InvalidRequestException 400 when the name's extension or the declared type disagrees
   *     with the content; an unparsable declared type counts as none
   */
  String check(String fileName, String declaredType, InputStream content) throws IOException {
    String detected = detect(content);
    if (!allowed.contains(detected)) {
      throw UnacceptableFile.unsupportedType(
          FIELD,
          "its content is "
              + describe(detected)
              + "; only "
              + String.join(", ", allowed.stream().sorted().toList())
              + " are accepted");
    }
    List<String> extensions = extensionsOf(detected);
    String extension = FileNames.extension(fileName);
    if (!extensions.contains(extension)) {
      throw InvalidRequestException.of(
          FIELD,
          "its content is "
              + detected
              + " but its name "
              + (extension.isEmpty() ? "has no extension" : "ends in " + extension)
              + "; expected "
              + String.join(" or ", extensions));
    }
    if (declaredType != null && !declaredType.isBlank()) {
      MediaType declared = normalize(declaredType);
      if (declared != null
          && !declared.toString().equals(UNKNOWN)
          && !declared.toString().equals(detected)) {
        throw InvalidRequestException.of(
            FIELD, "was declared as " + declared + " but its content is " + detected);
      }
    }
    return detected;
  }

  private List<String> extensionsOf(String type) {
    try {
      return registry.forName(type).getExtensions();
    } catch (MimeTypeException e) {
      throw new IllegalStateException("Tika does not know the allowed type " + type, e);
    }
  }

  /** The declared type without parameters, aliases resolved; null when it cannot be parsed. */
  private MediaType normalize(String declaredType) {
    MediaType type = MediaType.parse(declaredType.trim());
    return type == null ? null : registry.getMediaTypeRegistry().normalize(type.getBaseType());
  }

  private static String describe(String type) {
    return UNKNOWN.equals(type) ? "of no recognisable type" : type;
  }
}
