package io.sei.operator.simulator.sidecar;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The small part of TOML the sidecar's config files need: tables of strings, integers, booleans,
 * floats and single-line arrays. A document is a {@code Map<String, Object>} whose nested maps are
 * tables. Reading accepts comments, dotted and quoted keys and both string kinds; multi-line
 * values, inline tables and arrays of tables are refused with an {@link IOException}.
 */
public final class Toml {
  private Toml() {}

  private static final Pattern BARE_KEY = Pattern.compile("[A-Za-z0-9_-]+");

  /** Renders {@code doc}: its scalars first, then each table under a {@code [dotted.header]}. */
  public static String write(Map<String, Object> doc) {
    StringBuilder out = new StringBuilder();
    writeTable(out, "", doc);
    return out.toString();
  }

  private static void writeTable(StringBuilder out, String header, Map<String, Object> table) {
    boolean hasScalars = table.values().stream().anyMatch(v -> !(v instanceof Map));
    if (!header.isEmpty() && (hasScalars || table.isEmpty())) {
      if (!out.isEmpty()) {
        out.append('\n');
      }
      out.append('[').append(header).append("]\n");
    }
    table.forEach(
        (key, value) -> {
          if (!(value instanceof Map)) {
            out.append(key(key)).append(" = ").append(value(value)).append('\n');
          }
        });
    table.forEach(
        (key, value) -> {
          if (value instanceof Map<?, ?> nested) {
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) nested;
            writeTable(out, header.isEmpty() ? key(key) : header + "." + key(key), child);
          }
        });
  }

  private static String key(String key) {
    return BARE_KEY.matcher(key).matches() ? key : quote(key);
  }

  private static String value(Object value) {
    if (value instanceof String s) {
      return quote(s);
    }
    if (value instanceof List<?> list) {
      List<String> items = new ArrayList<>();
      list.forEach(item -> items.add(value(item)));
      return "[" + String.join(", ", items) + "]";
    }
    return String.valueOf(value);
  }

  private static String quote(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04X", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Parses a document; {@code source} names it in errors. */
  public static Map<String, Object> read(String text, String source) throws IOException {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> current = root;
    String[] lines = text.split("\r?\n", -1);
    for (int n = 0; n < lines.length; n++) {
      Cursor cursor = new Cursor(lines[n], source, n + 1);
      cursor.skipSpace();
      if (cursor.atEnd() || cursor.peek() == '#') {
        continue;
      }
      if (cursor.peek() == '[') {
        cursor.next();
        if (!cursor.atEnd() && cursor.peek() == '[') {
          throw cursor.error("arrays of tables are not supported");
        }
        List<String> path = cursor.keyPath();
        cursor.expect(']');
        cursor.endOfLine();
        current = root;
        for (String part : path) {
          current = childTable(current, part, cursor);
        }
        continue;
      }
      List<String> path = cursor.keyPath();
      cursor.expect('=');
      cursor.skipSpace();
      Object value = cursor.value();
      cursor.endOfLine();
      Map<String, Object> table = current;
      for (String part : path.subList(0, path.size() - 1)) {
        table = childTable(table, part, cursor);
      }
      String last = path.get(path.size() - 1);
      if (table.containsKey(last)) {
        throw cursor.error("key '" + last + "' is defined twice");
      }
      table.put(last, value);
    }
    return root;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> childTable(
      Map<String, Object> parent, String key, Cursor cursor) throws IOException {
    Object existing = parent.get(key);
    if (existing == null) {
      Map<String, Object> created = new LinkedHashMap<>();
      parent.put(key, created);
      return created;
    }
    if (existing instanceof Map<?, ?> map) {
      return (Map<String, Object>) map;
    }
    throw cursor.error("'" + key + "' is a value, not a table");
  }

  /** A position in one line. */
  private static final class Cursor {
    private final String line;
    private final String source;
    private final int number;
    private int at;

    Cursor(String line, String source, int number) {
      this.line = line;
      this.source = source;
      this.number = number;
    }

    IOException error(String message) {
      return new IOException(source + ": line " + number + ": " + message);
    }

    boolean atEnd() {
      return at >= line.length();
    }

    char peek() {
      return line.charAt(at);
    }

    char next() {
      return line.charAt(at++);
    }

    void skipSpace() {
      while (!atEnd() && (peek() == ' ' || peek() == '\t')) {
        at++;
      }
    }

    void expect(char c) throws IOException {
      skipSpace();
      if (atEnd() || peek() != c) {
        throw error("expected '" + c + "'");
      }
      at++;
    }

    void endOfLine() throws IOException {
      skipSpace();
      if (!atEnd() && peek() != '#') {
        throw error("unexpected text '" + line.substring(at) + "'");
      }
    }

    List<String> keyPath() throws IOException {
      List<String> parts = new ArrayList<>();
      while (true) {
        skipSpace();
        if (atEnd()) {
          throw error("expected a key");
        }
        char c = peek();
        if (c == '"' || c == '\'') {
          parts.add(string());
        } else {
          int start = at;
          while (!atEnd() && BARE_KEY.matcher(String.valueOf(peek())).matches()) {
            at++;
          }
          if (start == at) {
            throw error("expected a key");
          }
          parts.add(line.substring(start, at));
        }
        skipSpace();
        if (atEnd() || peek() != '.') {
          return parts;
        }
        at++;
      }
    }

    Object value() throws IOException {
      if (atEnd()) {
        throw error("expected a value");
      }
      char c = peek();
      if (c == '"' || c == '\'') {
        if (line.startsWith("\"\"\"", at) || line.startsWith("'''", at)) {
          throw error("multi-line strings are not supported");
        }
        return string();
      }
      if (c == '[') {
        at++;
        List<Object> items = new ArrayList<>();
        while (true) {
          skipSpace();
          if (atEnd()) {
            throw error("multi-line arrays are not supported");
          }
          if (peek() == ']') {
            at++;
            return items;
          }
          items.add(value());
          skipSpace();
          if (!atEnd() && peek() == ',') {
            at++;
          }
        }
      }
      if (c == '{') {
        throw error("inline tables are not supported");
      }
      int start = at;
      while (!atEnd() && peek() != ',' && peek() != ']' && peek() != '#' && peek() != ' ') {
        at++;
      }
      String word = line.substring(start, at).replace("_", "");
      if (word.equals("true") || word.equals("false")) {
        return Boolean.parseBoolean(word);
      }
      try {
        return Long.parseLong(word.startsWith("+") ? word.substring(1) : word);
      } catch (NumberFormatException notInteger) {
        try {
          return Double.parseDouble(word);
        } catch (NumberFormatException notFloat) {
          throw error("unsupported value '" + word + "'");
        }
      }
    }

    String string() throws IOException {
      char quote = next();
      StringBuilder out = new StringBuilder();
      while (true) {
        if (atEnd()) {
          throw error("unterminated string");
        }
        char c = next();
        if (c == quote) {
          return out.toString();
        }
        if (c == '\\' && quote == '"') {
          if (atEnd()) {
            throw error("unterminated string");
          }
          char e = next();
          switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case 'u', 'U' -> {
              int digits = e == 'u' ? 4 : 8;
              if (at + digits > line.length()) {
                throw error("bad unicode escape");
              }
              out.appendCodePoint(Integer.parseInt(line.substring(at, at + digits), 16));
              at += digits;
            }
            default -> throw error("bad escape '\\" + e + "'");
          }
        } else {
          out.append(c);
        }
      }
    }
  }
}
