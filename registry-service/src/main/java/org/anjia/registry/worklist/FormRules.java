package org.anjia.registry.worklist;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a Camunda Form (form-js schema) demands of the data that completes its task, checked before
 * the engine is called: required fields, number bounds, choices from the listed values, dates, and
 * no fields the form does not have. Read-only fields show earlier steps' data: the browser sends
 * them back, and they are dropped, so nobody rewrites another step's record through a form.
 * Fields with a {@code conditional} are only checked for shape, since whether they show depends on
 * FEEL the browser evaluates.
 */
final class FormRules {

  /** A broken rule: the form field's key and the message code with its argument. */
  record Violation(String field, String messageCode, Object argument) {}

  private record Field(String key, String type, boolean required, boolean conditional, BigDecimal min,
      BigDecimal max, Set<String> choices, String subtype) {}

  private final Map<String, Field> fields = new LinkedHashMap<>();
  private final Set<String> readOnlyKeys = new HashSet<>();
  /** Dynamic lists (form-js {@code dynamiclist}): each item is checked against the list's own fields. */
  private final Map<String, FormRules> lists = new LinkedHashMap<>();

  private FormRules() {}

  FormRules(JsonNode schema) {
    collect(schema.path("components"));
  }

  private void collect(JsonNode components) {
    for (JsonNode component : components) {
      if ("dynamiclist".equals(component.path("type").asText()) && component.hasNonNull("path")) {
        FormRules item = new FormRules();
        item.collect(component.path("components"));
        lists.put(component.get("path").asText(), item);
        continue;
      }
      boolean readOnly = component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
      if (component.hasNonNull("key") && readOnly) {
        readOnlyKeys.add(component.get("key").asText());
      } else if (component.hasNonNull("key")) {
        JsonNode validate = component.path("validate");
        Set<String> choices = new HashSet<>();
        component.path("values").forEach(v -> choices.add(v.path("value").asText()));
        fields.put(component.get("key").asText(), new Field(
            component.get("key").asText(),
            component.path("type").asText(),
            validate.path("required").asBoolean(false),
            component.has("conditional"),
            validate.has("min") ? validate.get("min").decimalValue() : null,
            validate.has("max") ? validate.get("max").decimalValue() : null,
            choices,
            component.path("subtype").asText("")));
      }
      if (component.has("components")) {
        collect(component.get("components"));
      }
    }
  }

  /** Every key the form shows, editable or read-only: all a task page may reveal of the process. */
  Set<String> keys() {
    Set<String> keys = new HashSet<>(fields.keySet());
    keys.addAll(readOnlyKeys);
    keys.addAll(lists.keySet());
    return keys;
  }

  /** The data a user may write through this form: its editable fields only. */
  Map<String, Object> writable(Map<String, Object> data) {
    Map<String, Object> writable = new LinkedHashMap<>(data);
    writable.keySet().removeAll(readOnlyKeys);
    return writable;
  }

  List<Violation> check(Map<String, Object> data) {
    List<Violation> violations = new ArrayList<>();
    for (String key : data.keySet()) {
      if (!fields.containsKey(key) && !readOnlyKeys.contains(key) && !lists.containsKey(key)) {
        violations.add(new Violation(key, "anjia.form.unknownField", key));
      }
    }
    lists.forEach((path, item) -> {
      Object value = data.get(path);
      if (value != null && !(value instanceof List<?>)) {
        violations.add(new Violation(path, "anjia.form.list", null));
        return;
      }
      List<?> rows = value == null ? List.of() : (List<?>) value;
      for (int i = 0; i < rows.size(); i++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> row = rows.get(i) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        for (Violation violation : item.check(row)) {
          violations.add(new Violation(path + "[" + i + "]." + violation.field(), violation.messageCode(),
              violation.argument()));
        }
      }
    });
    for (Field field : fields.values()) {
      Object value = data.get(field.key());
      if (isEmpty(value)) {
        if (field.required() && !field.conditional()) {
          violations.add(new Violation(field.key(), "anjia.form.required", null));
        }
        continue;
      }
      shapeViolation(field, value).ifPresent(violations::add);
    }
    return violations;
  }

  private static Optional<Violation> shapeViolation(Field field, Object value) {
    switch (field.type()) {
      case "number" -> {
        BigDecimal number;
        try {
          number = new BigDecimal(value.toString());
        } catch (NumberFormatException e) {
          return Optional.of(new Violation(field.key(), "anjia.form.number", null));
        }
        if (field.min() != null && number.compareTo(field.min()) < 0) {
          return Optional.of(new Violation(field.key(), "anjia.form.min", field.min()));
        }
        if (field.max() != null && number.compareTo(field.max()) > 0) {
          return Optional.of(new Violation(field.key(), "anjia.form.max", field.max()));
        }
      }
      case "radio", "select" -> {
        if (!field.choices().isEmpty() && !field.choices().contains(value.toString())) {
          return Optional.of(new Violation(field.key(), "anjia.form.choice", value));
        }
      }
      case "checklist", "taglist" -> {
        if (!(value instanceof Collection<?> selected)) {
          return Optional.of(new Violation(field.key(), "anjia.form.choice", value));
        }
        for (Object item : selected) {
          if (!field.choices().isEmpty() && !field.choices().contains(String.valueOf(item))) {
            return Optional.of(new Violation(field.key(), "anjia.form.choice", item));
          }
        }
      }
      case "datetime" -> {
        if ("date".equals(field.subtype())) {
          try {
            LocalDate.parse(value.toString());
          } catch (DateTimeParseException e) {
            return Optional.of(new Violation(field.key(), "anjia.form.date", value));
          }
        }
      }
      default -> {
        // text fields take any text
      }
    }
    return Optional.empty();
  }

  private static boolean isEmpty(Object value) {
    return value == null
        || (value instanceof String text && text.isBlank())
        || (value instanceof Collection<?> items && items.isEmpty());
  }
}
