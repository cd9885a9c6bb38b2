package org.anjia.registry.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import net.datafaker.Faker;
import org.springframework.web.util.UriUtils;

/**
 * Bad requests made from the service's own OpenAPI document: for each operation (method, path,
 * parameters, JSON or multipart body) a request whose input is wrong on purpose. Every write carries
 * at least one defect that must refuse it (a wrong type, a missing required field, unreadable JSON, a
 * wrong media type, someone else's or no record, no or a forged credential, a disguised or oversized
 * file), so any 2xx on a write is a finding; reads may succeed. Plausible values (Chinese names and
 * addresses, strings matching a schema's pattern) come from Datafaker, hostile ones from the lists
 * here; both draw from one seeded {@link Random}, so the same seed gives the same requests.
 */
final class BadRequests {

  /** What is wrong with a request; a write always has a kind that must refuse it. */
  enum Defect {
    WRONG_TYPE, MISSING_REQUIRED, UNREADABLE_JSON, EMPTY_BODY, WRONG_MEDIA_TYPE, WRONG_METHOD,
    SOMEONE_ELSES_RECORD, NO_SUCH_RECORD, NO_CREDENTIAL, FORGED_TOKEN, FORGED_CSRF, INVALID_PARAMETER,
    DISGUISED_FILE, OVERSIZED_FILE, FILE_OVER_RULE, NONE;

    /** Whether a 400 for this defect must name the wrong field. */
    boolean namesAField() {
      return this == WRONG_TYPE || this == MISSING_REQUIRED || this == INVALID_PARAMETER || this == DISGUISED_FILE
          || this == FILE_OVER_RULE;
    }
  }

  /** One generated request; {@code credential} is the Authorization header's value (or null). */
  record Request(int number, String method, String template, String uri, Map<String, String> headers,
      byte[] body, boolean write, Defect defect, String note) {

    @Override
    public String toString() {
      String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8);
      return "#" + number + " " + method + " " + uri + " [" + defect + (note.isEmpty() ? "" : ": " + note) + "] "
          + headers.getOrDefault("Content-Type", "") + " " + shown.replace('\n', ' ')
          + (body != null && body.length > 300 ? "… (" + body.length + " bytes)" : "");
    }
  }

  /**
   * The records and people a request may point at; {@code sessionCookie} ({@code SESSION=...}) and
   * {@code issuedCsrfToken} are those of a caseworker signed in through Keycloak, allowed most writes.
   */
  record Targets(Map<String, List<String>> realIds, String ownerCredential, String ownApplication,
      String nanchangCredential, String nanchangChild, List<String> inScopeCredentials,
      List<String> outOfScopeCredentials, String forgedCredential, String sessionCookie, String issuedCsrfToken) {}

  private record Operation(String method, String template, JsonNode operation) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Over spring.servlet.multipart.max-file-size (20MB). */
  static final int OVERSIZED_BYTES = 21 * 1024 * 1024;
  /** Over anjia.documents.max-size (10MB), under the multipart limit. */
  static final int OVER_RULE_BYTES = 10 * 1024 * 1024 + 1;

  private final JsonNode document;
  private final List<Operation> operations = new ArrayList<>();
  private final Targets targets;
  private final Random random;
  private final Faker faker;
  private final Supplier<String> hostileText;
  private final Supplier<Long> anyNumber;
  private final Supplier<String> badResidentId;
  private final Supplier<String> badIdentifier;
  private final Supplier<String> badDate;

  BadRequests(JsonNode document, Targets targets, long seed) {
    this.document = document;
    this.targets = targets;
    this.random = new Random(seed);
    this.faker = new Faker(Locale.SIMPLIFIED_CHINESE, random);
    document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(method ->
        operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(), method.getValue()))));
    hostileText = weighted(
        times(12, () -> pick(List.of(faker.name().fullName(), faker.address().fullAddress(), faker.company().name()))),
        times(12, () -> anyCharacters(random.nextInt(41))),
        times(1, () -> faker.regexify("[a-z]{30000}")),
        times(1, () -> hanCharacters(5_000 + random.nextInt(5_000))),
        times(8, () -> pick(List.of("", " ", "\u0000", "a\u0000b", "\uD800", "\uFEFF", "\u200B\u200B",
            "\u202E名字", "😀👨‍👩‍👧", "<script>alert(1)</script>", "' or 1=1 --", "${jndi:ldap://x}", "%s%n",
            "\r\n\r\nX-Injected: 1", "null", "NaN"))));
    anyNumber = () -> random.nextBoolean() ? random.nextLong()
        : pick(List.of(0L, -1L, (long) Integer.MAX_VALUE + 1, Long.MIN_VALUE, Long.MAX_VALUE));
    badResidentId = weighted(
        times(1, () -> faker.number().digits(17) + "Z"),
        times(1, () -> faker.number().digits(1 + random.nextInt(16))),
        times(1, () -> pick(List.of("360102199913320011", "36010219800101001X0", "36010219800101001",
            "11010519491231002Y", "000000000000000000", "３６０１０２１９８０１０１０１２３４"))));
    badIdentifier = weighted(
        times(2, () -> pick(List.of("0", "-1", "null", "undefined", "NaN", "1e309", ".", "..", "%", "' or '1'='1",
            "../../etc/passwd", "{id}", "儿童", "😀", "\u202Eevil", " "))),
        times(1, () -> faker.regexify("[a-zA-Z0-9]{1,40}")),
        times(1, () -> hanCharacters(1 + random.nextInt(20))),
        times(1, () -> faker.regexify("[a-z]{2000}")));
    badDate = () -> pick(List.of("2026-02-30", "2026-13-01", "26-1-1", "昨天", "", "0000-00-00",
        "+999999999-12-31", "2026-12-06T25:61:00", "9999-99-99"));
  }

  /** One of the suppliers, each as often as its weight says. */
  private Supplier<String> weighted(Weighted... weighted) {
    List<Supplier<String>> choices = new ArrayList<>();
    for (Weighted choice : weighted) {
      for (int n = 0; n < choice.weight(); n++) {
        choices.add(choice.values());
      }
    }
    return () -> pick(choices).get();
  }

  private record Weighted(int weight, Supplier<String> values) {}

  private static Weighted times(int weight, Supplier<String> values) {
    return new Weighted(weight, values);
  }

  /** Any code points, unpaired surrogates and control characters included. */
  private String anyCharacters(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) random.nextInt(Character.MAX_VALUE + 1));
    }
    return text.toString();
  }

  private String hanCharacters(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) ('一' + random.nextInt('龥' - '一')));
    }
    return text.toString();
  }

  int operationCount() {
    return operations.size();
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  Request next(int number) {
    Operation op = pick(operations);
    boolean write = !op.method().equals("GET");
    boolean multipart = op.operation().path("requestBody").path("content").has("multipart/form-data");
    JsonNode bodySchema = resolve(op.operation().path("requestBody").path("content").path("application/json")
        .path("schema"));
    boolean jsonBody = !bodySchema.isMissingNode();
    List<Defect> possible = new ArrayList<>(List.of(Defect.SOMEONE_ELSES_RECORD, Defect.NO_SUCH_RECORD,
        Defect.NO_CREDENTIAL, Defect.FORGED_TOKEN, Defect.WRONG_METHOD));
    if (write) {
      // CSRF protects writes only: a read with a forged token is a read without a credential
      possible.add(Defect.FORGED_CSRF);
    }
    if (!pathParameters(op).isEmpty()) {
      possible.add(Defect.INVALID_PARAMETER);
    } else {
      possible.removeAll(List.of(Defect.SOMEONE_ELSES_RECORD, Defect.NO_SUCH_RECORD));
    }
    if (parameters(op, "query").stream().anyMatch(p -> p.path("required").asBoolean())) {
      possible.add(Defect.MISSING_REQUIRED);
    }
    if (jsonBody) {
      possible.addAll(List.of(Defect.WRONG_TYPE, Defect.WRONG_TYPE, Defect.WRONG_TYPE, Defect.UNREADABLE_JSON,
          Defect.EMPTY_BODY, Defect.WRONG_MEDIA_TYPE));
      if (bodySchema.path("required").size() > 0) {
        possible.addAll(List.of(Defect.MISSING_REQUIRED, Defect.MISSING_REQUIRED));
      }
    }
    if (multipart) {
      possible.addAll(List.of(Defect.DISGUISED_FILE, Defect.DISGUISED_FILE, Defect.WRONG_MEDIA_TYPE,
          Defect.MISSING_REQUIRED, Defect.INVALID_PARAMETER));
    }
    if (!write) {
      possible.add(Defect.NONE);
      possible.add(Defect.NONE);
    }
    Defect defect = pick(possible);
    return build(number, op, write, multipart, bodySchema, defect);
  }

  /**
   * The address as bytes a hostile client puts on the wire: a lone surrogate has no UTF-8 form (the
   * encoders leave it as it is, and the JDK's client then fails before sending), so it goes out as the
   * invalid UTF-8 sequence of its code unit, which the service must refuse like any other bad value.
   */
  private static String onTheWire(String uri) {
    StringBuilder wire = new StringBuilder(uri.length());
    for (char c : uri.toCharArray()) {
      if (Character.isSurrogate(c)) {
        wire.append("%ED%").append(Integer.toHexString(0xA0 | ((c >> 6) & 0x1F)).toUpperCase())
            .append('%').append(Integer.toHexString(0x80 | (c & 0x3F)).toUpperCase());
      } else {
        wire.append(c);
      }
    }
    return wire.toString();
  }

  /** Whether an invalid parameter can sit elsewhere than in the path: a query parameter or a form field. */
  private boolean hasOtherPlaceToBeWrong(Operation op, boolean multipart) {
    return multipart || !parameters(op, "query").isEmpty();
  }

  /** The few files too large to send often: {@code count} of them, over the servlet's and the rule's limit. */
  List<Request> largeUploads(int firstNumber) {
    List<Request> uploads = new ArrayList<>();
    List<Operation> multipartOps = operations.stream()
        .filter(op -> op.operation().path("requestBody").path("content").has("multipart/form-data")).toList();
    int number = firstNumber;
    for (Operation op : multipartOps) {
      uploads.add(build(number++, op, true, true, NODES.missingNode(), Defect.OVERSIZED_FILE));
      uploads.add(build(number++, op, true, true, NODES.missingNode(), Defect.FILE_OVER_RULE));
    }
    return uploads;
  }

  private Request build(int number, Operation op, boolean write, boolean multipart, JsonNode bodySchema,
      Defect defect) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept-Language", pick(List.of("zh-CN", "zh-CN,zh;q=0.9,en;q=0.8", "zh-CN")));
    if (random.nextInt(4) > 0) {
      headers.put("Accept", pick(List.of("application/json", "*/*", "application/problem+json, application/json",
          "text/html,application/xhtml+xml,*/*;q=0.8", "application/pdf", "text/csv")));
    }
    String note = "";
    boolean foreignUser = defect == Defect.SOMEONE_ELSES_RECORD;
    boolean ownTarget = defect == Defect.DISGUISED_FILE || defect == Defect.OVERSIZED_FILE
        || defect == Defect.FILE_OVER_RULE;
    String credential = foreignUser ? pick(targets.outOfScopeCredentials())
        : write && !hasDefectThatRefusesAny(defect) ? pick(targets.outOfScopeCredentials())
        : pick(targets.inScopeCredentials());
    // the path: real records of others, records that do not exist, or values of no valid form
    String path = op.template();
    for (JsonNode parameter : pathParameters(op)) {
      String name = parameter.path("name").asText();
      String value;
      if (ownTarget) {
        value = ownRecord(op, name);
        credential = value.equals(targets.nanchangChild()) ? targets.nanchangCredential() : targets.ownerCredential();
      } else if (defect == Defect.INVALID_PARAMETER && (random.nextBoolean() || !hasOtherPlaceToBeWrong(op, multipart))) {
        value = badIdentifier.get();
        note = "path " + name;
      } else if (defect == Defect.NO_SUCH_RECORD || random.nextInt(3) == 0) {
        value = UUID.randomUUID().toString();
      } else {
        value = pick(targets.realIds().getOrDefault(kindOf(op.template(), name), List.of(UUID.randomUUID().toString())));
      }
      path = path.replace("{" + name + "}", UriUtils.encodePathSegment(value, StandardCharsets.UTF_8));
    }
    // the query: generated from the schema, one value wrong or missing when that is the defect
    StringBuilder query = new StringBuilder();
    List<JsonNode> queryParameters = parameters(op, "query");
    JsonNode wrongQuery = defect == Defect.INVALID_PARAMETER && !queryParameters.isEmpty() && !note.startsWith("path")
        ? pick(queryParameters) : null;
    JsonNode missingQuery = defect == Defect.MISSING_REQUIRED
        ? queryParameters.stream().filter(p -> p.path("required").asBoolean()).findFirst().orElse(null) : null;
    for (JsonNode parameter : queryParameters) {
      if (parameter == missingQuery || (!parameter.path("required").asBoolean() && random.nextBoolean())) {
        continue;
      }
      JsonNode schema = resolve(parameter.path("schema"));
      String value = parameter == wrongQuery ? wrongScalar(schema) : scalarText(value(schema, parameter.path("name").asText(), 0));
      if (parameter == wrongQuery) {
        note = "query " + parameter.path("name").asText();
      }
      query.append(query.isEmpty() ? "?" : "&").append(UriUtils.encodeQueryParam(parameter.path("name").asText(),
          StandardCharsets.UTF_8)).append('=').append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
    }
    if (missingQuery != null) {
      note = "query " + missingQuery.path("name").asText() + " missing";
    }
    String method = op.method();
    if (defect == Defect.WRONG_METHOD) {
      method = pick(List.of("PATCH", "PUT", "DELETE", "POST", "GET")).equals(op.method()) ? "PATCH"
          : pick(List.of("PATCH", "PUT", "DELETE"));
      if (!write && method.equals("GET")) {
        method = "PATCH";
      }
      write = true;
    }
    byte[] body = null;
    if (multipart) {
      Multipart form = multipartBody(op, defect);
      body = form.bytes();
      headers.put("Content-Type", defect == Defect.WRONG_MEDIA_TYPE ? "application/json" : form.contentType());
      note = note.isEmpty() ? form.note() : note + "; " + form.note();
    } else if (!bodySchema.isMissingNode()) {
      JsonNode value = value(bodySchema, "", 0);
      switch (defect) {
        case WRONG_TYPE -> note = corrupt(value, bodySchema);
        case MISSING_REQUIRED -> {
          String field = pick(iterable(bodySchema.path("required")));
          ((ObjectNode) value).remove(field);
          note = field + " missing";
        }
        default -> { }
      }
      String text = value.toString();
      if (defect == Defect.UNREADABLE_JSON) {
        text = pick(List.of(text.substring(0, Math.max(1, text.length() / 2)), text + "}", "{'single': 'quotes'}",
            "{\"a\":1,,}", "\u0000\u0001", "<xml/>", "[" + text, "{\"a\":\"\\uZZZZ\"}", "{\"a\":01}"));
      }
      if (defect == Defect.EMPTY_BODY) {
        text = pick(List.of("", "null", "[]", "\"\"", "0"));
      }
      body = text.getBytes(StandardCharsets.UTF_8);
      headers.put("Content-Type", defect == Defect.WRONG_MEDIA_TYPE
          ? pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "image/png",
              "application/json;charset=latin-9"))
          : pick(List.of("application/json", "application/json;charset=UTF-8")));
    } else if (write && random.nextInt(4) == 0) {
      body = "{\"unexpected\":true}".getBytes(StandardCharsets.UTF_8);
      headers.put("Content-Type", "application/json");
    }
    switch (defect) {
      case NO_CREDENTIAL -> credential = null;
      case FORGED_TOKEN -> credential = pick(List.of("Bearer " + targets.forgedCredential(), "Bearer not-a-jwt",
          "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer " + "x".repeat(9000),
          "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiJ9."));
      case FORGED_CSRF -> {
        // what a forged page makes a signed-in caseworker's browser send: the real session cookie, and
        // no token, a wrong one beside the real cookie, or a pair of equal values the server never issued
        credential = null;
        int variant = random.nextInt(3);
        String cookieToken = variant == 2 ? UUID.randomUUID().toString() : targets.issuedCsrfToken();
        headers.put("Cookie", targets.sessionCookie() + "; XSRF-TOKEN=" + cookieToken);
        if (variant == 1) {
          headers.put("X-XSRF-TOKEN", UUID.randomUUID().toString());
        } else if (variant == 2) {
          headers.put("X-XSRF-TOKEN", cookieToken);
        }
        note = note.isEmpty() ? "csrf variant " + variant : note + "; csrf variant " + variant;
      }
      default -> { }
    }
    if (credential != null) {
      headers.put("Authorization", credential);
    }
    if (write && random.nextInt(5) == 0) {
      headers.put("Idempotency-Key", random.nextBoolean() ? UUID.randomUUID().toString() : hostileText.get()
          .replaceAll("[\\p{Cntrl}\\uD800-\\uDFFF]", "").chars().limit(600)
          .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString()
          .replaceAll("[^\\x20-\\x7e]", "k"));
    }
    return new Request(number, method, op.template(), onTheWire(path + query), headers, body, write, defect, note);
  }

  /** Defects that refuse whoever sends them; the others are sent only by people outside the record's scope. */
  private static boolean hasDefectThatRefusesAny(Defect defect) {
    return defect != Defect.NONE && defect != Defect.SOMEONE_ELSES_RECORD;
  }

  private String ownRecord(Operation op, String name) {
    if (op.template().startsWith("/api/children/")) {
      return targets.nanchangChild();
    }
    if (op.template().startsWith("/api/applications/")) {
      return targets.ownApplication();
    }
    return pick(targets.realIds().getOrDefault(kindOf(op.template(), name), List.of(UUID.randomUUID().toString())));
  }

  /** What a path parameter names, by the resource before it: {@code /api/children/{id}} is a child. */
  static String kindOf(String template, String name) {
    if (!name.equals("id")) {
      return name;
    }
    String[] segments = template.split("/");
    for (int i = 1; i < segments.length; i++) {
      if (segments[i].startsWith("{id}")) {
        return segments[i - 1];
      }
    }
    return name;
  }

  private record Multipart(byte[] bytes, String contentType, String note) {}

  private Multipart multipartBody(Operation op, Defect defect) {
    JsonNode schema = resolve(op.operation().path("requestBody").path("content").path("multipart/form-data")
        .path("schema"));
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    schema.path("properties").properties().forEach(p -> fields.put(p.getKey(), resolve(p.getValue())));
    for (JsonNode parameter : parameters(op, "query")) {
      // Spring reads @RequestParam from multipart parts too; springdoc lists them as query parameters
      fields.putIfAbsent(parameter.path("name").asText(), resolve(parameter.path("schema")));
    }
    String boundary = "----anjia" + Long.toHexString(random.nextLong());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String note = "";
    String skip = defect == Defect.MISSING_REQUIRED ? pick(new ArrayList<>(fields.keySet())) : null;
    for (Map.Entry<String, JsonNode> field : fields.entrySet()) {
      if (field.getKey().equals(skip)) {
        note = field.getKey() + " missing";
        continue;
      }
      boolean file = "binary".equals(field.getValue().path("format").asText());
      out.writeBytes(("--" + boundary + "\r\n").getBytes(StandardCharsets.UTF_8));
      if (file) {
        byte[] content;
        String fileName;
        String type;
        switch (defect) {
          case OVERSIZED_FILE -> {
            content = pdf(OVERSIZED_BYTES);
            fileName = "scan.pdf";
            type = "application/pdf";
            note = "file of " + content.length + " bytes";
          }
          case FILE_OVER_RULE -> {
            content = pdf(OVER_RULE_BYTES);
            fileName = "scan.pdf";
            type = "application/pdf";
            note = "file of " + content.length + " bytes";
          }
          default -> {
            // text, a script or an executable named and declared as a document
            content = pick(List.of("这不是PDF，只是改了文件名".getBytes(StandardCharsets.UTF_8),
                "#!/bin/sh\nrm -rf /\n".getBytes(StandardCharsets.UTF_8), new byte[] {'M', 'Z', (byte) 0x90, 0},
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), new byte[0],
                "PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1)));
            String[] disguises = {"scan.pdf|application/pdf", "photo.jpg|image/jpeg", "photo.png|image/png",
                "scan.tiff|image/tiff", "photo.heic|image/heic", "扫描件.pdf|application/pdf",
                "../../etc/passwd|application/pdf", "x".repeat(300) + ".pdf|application/pdf",
                "run.exe|application/x-msdownload"};
            String[] disguise = pick(Arrays.asList(disguises)).split("\\|");
            fileName = disguise[0];
            type = disguise[1];
            note = "file " + fileName.substring(0, Math.min(40, fileName.length())) + " as " + type + " ("
                + content.length + " bytes)";
          }
        }
        out.writeBytes(("Content-Disposition: form-data; name=\"" + field.getKey() + "\"; filename=\"" + fileName
            + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
      } else {
        String value = defect == Defect.INVALID_PARAMETER ? wrongScalar(field.getValue())
            : scalarText(value(field.getValue(), field.getKey(), 0));
        if (defect == Defect.INVALID_PARAMETER) {
          note = field.getKey() + " wrong";
        }
        out.writeBytes(("Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n" + value)
            .getBytes(StandardCharsets.UTF_8));
      }
      out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return new Multipart(out.toByteArray(), "multipart/form-data; boundary=" + boundary, note);
  }

  /** A file that starts like a PDF, of that size. */
  private static byte[] pdf(int size) {
    byte[] content = new byte[size];
    Arrays.fill(content, (byte) ' ');
    byte[] head = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(head, 0, content, 0, head.length);
    return content;
  }

  /** A value of the schema's shape with hostile content (strings, numbers at their limits). */
  private JsonNode value(JsonNode schema, String name, int depth) {
    schema = resolve(schema);
    if (schema.has("allOf")) {
      return value(schema.path("allOf").get(0), name, depth);
    }
    if (schema.has("oneOf") || schema.has("anyOf")) {
      List<JsonNode> choices = new ArrayList<>();
      (schema.has("oneOf") ? schema.path("oneOf") : schema.path("anyOf")).forEach(choices::add);
      return value(pick(choices), name, depth);
    }
    String type = schema.path("type").asText(schema.has("properties") ? "object" : "string");
    switch (type) {
      case "object" -> {
        ObjectNode object = NODES.objectNode();
        if (depth < 4) {
          schema.path("properties").properties().forEach(p -> object.set(p.getKey(), value(p.getValue(), p.getKey(),
              depth + 1)));
          if (schema.path("additionalProperties").isObject() && random.nextBoolean()) {
            object.set("key", value(schema.path("additionalProperties"), "key", depth + 1));
          }
        }
        if (random.nextInt(4) == 0) {
          object.put("unexpected" + random.nextInt(10), hostileText.get());
        }
        return object;
      }
      case "array" -> {
        ArrayNode array = NODES.arrayNode();
        int size = random.nextInt(10) == 0 ? 200 : random.nextInt(4);
        for (int i = 0; i < size && depth < 4; i++) {
          array.add(value(schema.path("items"), name, depth + 1));
        }
        return array;
      }
      case "integer", "number" -> {
        return random.nextBoolean() ? NODES.numberNode(anyNumber.get()) : NODES.numberNode(random.nextInt(100));
      }
      case "boolean" -> {
        return NODES.booleanNode(random.nextBoolean());
      }
      default -> {
        if (schema.has("enum")) {
          return NODES.textNode(random.nextInt(6) == 0 ? hostileText.get() : pick(iterable(schema.path("enum"))));
        }
        String format = schema.path("format").asText();
        if (format.equals("date") || format.equals("date-time")) {
          return NODES.textNode(random.nextBoolean() ? "2025-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10)
              + (format.equals("date-time") ? "T08:00:00+08:00" : "") : badDate.get());
        }
        if (format.equals("uuid")) {
          return NODES.textNode(random.nextBoolean() ? UUID.randomUUID().toString()
              : pick(targets.realIds().values().stream().flatMap(List::stream).toList()));
        }
        if (schema.has("pattern") && random.nextBoolean()) {
          return NODES.textNode(matching(schema.path("pattern").asText()));
        }
        if (name.toLowerCase(Locale.ROOT).contains("residentid")) {
          return NODES.textNode(badResidentId.get());
        }
        return NODES.textNode(hostileText.get());
      }
    }
  }

  /** A string of the schema's pattern, or a hostile one when Datafaker cannot read the pattern. */
  private String matching(String pattern) {
    try {
      return faker.regexify(pattern.replaceAll("^\\^|\\$$", ""));
    } catch (RuntimeException unsupported) {
      return hostileText.get();
    }
  }

  /** Puts a value of the wrong JSON type into one field (or the whole body); returns which. */
  private String corrupt(JsonNode value, JsonNode schema) {
    if (value instanceof ObjectNode object && !object.isEmpty() && schema.has("properties")) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      names.removeIf(n -> n.startsWith("unexpected"));
      if (!names.isEmpty()) {
        String field = pick(names);
        JsonNode fieldSchema = resolve(schema.path("properties").path(field));
        JsonNode nested = object.get(field);
        if (nested instanceof ObjectNode && fieldSchema.has("properties") && random.nextBoolean()) {
          String inner = corrupt(nested, fieldSchema);
          if (inner != null) {
            return field + "." + inner;
          }
        }
        object.set(field, wrongValue(fieldSchema));
        return field;
      }
    }
    return null;
  }

  private JsonNode wrongValue(JsonNode schema) {
    String type = resolve(schema).path("type").asText(resolve(schema).has("properties") ? "object" : "string");
    return switch (type) {
      case "object" -> pick(List.of(NODES.textNode("对象"), NODES.numberNode(1), NODES.arrayNode().add(1)));
      case "array" -> pick(List.<JsonNode>of(NODES.textNode("列表"), NODES.objectNode().put("a", 1)));
      case "integer", "number" -> pick(List.<JsonNode>of(NODES.textNode("十二"), NODES.objectNode(),
          NODES.arrayNode().add("x"), NODES.textNode("1e999999"), NODES.numberNode(new java.math.BigInteger("9".repeat(40)))));
      case "boolean" -> pick(List.<JsonNode>of(NODES.textNode("也许"), NODES.objectNode(), NODES.arrayNode()));
      default -> resolve(schema).has("enum") || !resolve(schema).path("format").asText().isEmpty()
          ? pick(List.<JsonNode>of(NODES.textNode("不是可选值"), NODES.objectNode(), NODES.arrayNode().add(1).add(2)))
          : pick(List.<JsonNode>of(NODES.objectNode().put("a", 1), NODES.arrayNode().add(1).add(2)));
    };
  }

  /** A query or form value that cannot be one of the schema's. */
  private String wrongScalar(JsonNode schema) {
    String type = resolve(schema).path("type").asText("string");
    if (type.equals("integer") || type.equals("number")) {
      return pick(List.of("十二", "1.5.5", "9".repeat(40), "-", "0x1F", ""));
    }
    if (type.equals("boolean")) {
      return pick(List.of("也许", "2", "yesno"));
    }
    if (resolve(schema).has("enum") || resolve(schema).path("format").asText().equals("uuid")
        || resolve(schema).path("format").asText().startsWith("date")) {
      return pick(List.of("不是可选值", "", "' or 1=1 --", "NULL", "x".repeat(500)));
    }
    if (resolve(schema).has("maxLength")) {
      // free text (a sealing's reason) is wrong only outside its bounds: any other text is a fine reason
      return random.nextBoolean() ? "理".repeat(resolve(schema).path("maxLength").asInt() + 1) : " ";
    }
    return badIdentifier.get();
  }

  private static String scalarText(JsonNode value) {
    return value.isValueNode() ? value.asText() : value.toString();
  }

  private List<JsonNode> pathParameters(Operation op) {
    return parameters(op, "path");
  }

  private List<JsonNode> parameters(Operation op, String in) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode parameter : op.operation().path("parameters")) {
      JsonNode resolved = resolve(parameter);
      if (in.equals(resolved.path("in").asText())) {
        found.add(resolved);
      }
    }
    return found;
  }

  private JsonNode resolve(JsonNode node) {
    for (int i = 0; i < 10 && node.has("$ref"); i++) {
      String[] parts = node.path("$ref").asText().substring(2).split("/");
      JsonNode target = document;
      for (String part : parts) {
        target = target.path(part);
      }
      node = target;
    }
    return node;
  }

  private static List<String> iterable(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}
