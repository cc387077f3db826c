package com.partnerflow.task.form;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SchemaErrorsTest {

  @Test
  void brokenJsonIsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> FormSchema.parse("{\"components\": [ {\"type\": "))
        .isInstanceOf(InvalidFormSchemaException.class)
        .hasMessageStartingWith("The form schema is not valid JSON");
  }

  @Test
  void emptyInputIsRefused() {
    assertThatThrownBy(() -> FormSchema.parse("  "))
        .isInstanceOf(InvalidFormSchemaException.class)
        .hasMessage("The form schema is empty");
  }

  @Test
  void aSchemaWithoutComponentsIsRefused() {
    assertThatThrownBy(() -> FormSchema.parse("{\"id\":\"x\",\"type\":\"default\"}"))
        .isInstanceOf(InvalidFormSchemaException.class)
        .hasMessage("The form schema has no components");
    assertThatThrownBy(() -> FormSchema.parse("{\"components\":[]}"))
        .hasMessage("The form schema has no components");
    assertThatThrownBy(() -> FormSchema.parse("[]"))
        .hasMessage("The form schema must be a JSON object");
  }

  @Test
  void aNewerSchemaVersionIsRefused() {
    assertThatThrownBy(
            () ->
                FormSchema.parse(
                    "{\"schemaVersion\":19,\"components\":[{\"type\":\"textfield\",\"key\":\"a\"}]}"))
        .hasMessage(
            "The form schema has schemaVersion 19, but only versions up to 18 are supported");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          {"type":"textfield","label":"Name"}                                | A textfield component has no key
          {"type":"textfield","key":"a..b"}                                  | The textfield component 'a..b' has an invalid key or path 'a..b'
          {"type":"dynamiclist","components":[]}                             | A dynamiclist component has no path
          {"type":"select","key":"c"}                                        | The select component 'c' has no options: it needs values, valuesKey or valuesExpression
          {"type":"textfield","key":"a","validate":{"pattern":"[A-Z"}}       | The pattern of the textfield component 'a' is not a valid regular expression: [A-Z
          {"type":"textfield","key":"a","validate":{"validationType":"iban"}} | The validationType 'iban' of the textfield component 'a' is not supported
          {"type":"number","key":"a","validate":{"min":"=limit"}}            | The min of the number component 'a' must be a number, not "=limit"
          {"type":"textfield","key":"a","conditional":{"hide":"=a >"}}       | The hide condition of the textfield component 'a' has an invalid FEEL expression: =a >
          {"type":"filepicker","key":"files"}                                | The filepicker component 'files' is of a type the server cannot check
          {"type":"datetime","key":"d","subtype":"week"}                     | Unknown datetime subtype 'week'
          """)
  void aComponentTheServerCannotCheckIsRefused(String component, String message) {
    assertThatThrownBy(() -> Forms.withComponents(component))
        .isInstanceOf(InvalidFormSchemaException.class)
        .hasMessage(message);
  }

  @Test
  void duplicateOrClashingKeysAreRefused() {
    assertThatThrownBy(
            () ->
                Forms.withComponents(
                    "{\"type\":\"textfield\",\"key\":\"a\"},{\"type\":\"number\",\"key\":\"a\"}"))
        .hasMessage("The key 'a' is used twice or clashes with another field's key");
    assertThatThrownBy(
            () ->
                Forms.withComponents(
                    "{\"type\":\"textfield\",\"key\":\"a\"},{\"type\":\"textfield\",\"key\":\"a.b\"}"))
        .hasMessage("The key 'a.b' is used twice or clashes with another field's key");
  }
}
