package com.partnerflow.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;

/**
 * Request bodies may hold only the properties their type declares. Jackson as Spring Boot sets it
 * up ignores the rest, so {@code POST /api/mdf-requests} with {@code "partnerId"} of another
 * organisation, a {@code "status"} or an {@code "approvedAmount"} was answered 201 as if the
 * service had taken them (issue 19). Every unknown property of a body, at any depth, is now
 * collected and the request refused with 400 naming each ({@link UnknownProperties}, answered by
 * {@link ProblemResponses}) before any controller runs, so nothing is written.
 *
 * <p>Only the HTTP message converter is strict; the application's {@link ObjectMapper} (job
 * variables, stored JSON) keeps ignoring unknown properties. Bodies read as a {@code Map} have no
 * declared properties: their endpoints check the keys themselves (task forms refuse undeclared
 * fields).
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonBodies {

  /** Replaces Spring Boot's JSON converter (it backs off when one exists). */
  @Bean
  MappingJackson2HttpMessageConverter mappingJackson2HttpMessageConverter(ObjectMapper json) {
    return new Converter(json);
  }

  /** The paths of the properties a body had that its type does not declare. */
  static final class UnknownProperties extends IOException {
    private final List<String> paths;

    UnknownProperties(List<String> paths) {
      super("Unknown properties " + paths);
      this.paths = List.copyOf(paths);
    }

    List<String> paths() {
      return paths;
    }
  }

  private static final class Converter extends MappingJackson2HttpMessageConverter {

    /** Unknown properties of the body being read on this thread; null outside a read. */
    private static final ThreadLocal<List<String>> UNKNOWN = new ThreadLocal<>();

    Converter(ObjectMapper json) {
      super(json.copy().addHandler(new Collector()));
    }

    @Override
    public Object read(Type type, Class<?> contextClass, HttpInputMessage input)
        throws IOException {
      List<String> unknown = new ArrayList<>();
      UNKNOWN.set(unknown);
      try {
        Object body = super.read(type, contextClass, input);
        if (!unknown.isEmpty()) {
          throw new HttpMessageNotReadableException(
              "Unknown properties " + unknown, new UnknownProperties(unknown), input);
        }
        return body;
      } finally {
        UNKNOWN.remove();
      }
    }

    /** Notes each unknown property and skips its value, so all of them are reported at once. */
    private static final class Collector extends DeserializationProblemHandler {
      @Override
      public boolean handleUnknownProperty(
          DeserializationContext context,
          JsonParser parser,
          JsonDeserializer<?> deserializer,
          Object beanOrClass,
          String propertyName)
          throws IOException {
        List<String> unknown = UNKNOWN.get();
        if (unknown == null) {
          return false;
        }
        unknown.add(path(parser.getParsingContext(), propertyName));
        parser.skipChildren();
        return true;
      }

      /** {@code milestones[0].extra} for the property being read in that context. */
      private static String path(JsonStreamContext context, String propertyName) {
        List<String> segments = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
          if (c.inArray()) {
            segments.add(0, "[" + c.getCurrentIndex() + "]");
          } else {
            segments.add(0, c == context ? propertyName : String.valueOf(c.getCurrentName()));
          }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
          if (path.length() > 0 && !segment.startsWith("[")) {
            path.append('.');
          }
          path.append(segment);
        }
        return path.toString();
      }
    }
  }
}
