package io.loadwise.billing.sandbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stripe's form encoding ({@code metadata[tenant]=x}, {@code line_items[0][price]=p},
 * {@code expand[]=y}) turned into a JSON tree, and typed reads from it. Every leaf stays a string,
 * as on the wire; the endpoint code decides what is a number or a flag.
 */
final class StripeForm {

    private final JsonObject root;

    private StripeForm(JsonObject root) {
        this.root = root;
    }

    static StripeForm parse(String encoded) {
        JsonObject root = new JsonObject();
        if (encoded != null && !encoded.isBlank()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                put(root, segments(key), value);
            }
        }
        return new StripeForm((JsonObject) arrays(root));
    }

    static StripeForm of(JsonObject tree) {
        return new StripeForm(tree);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static List<String> segments(String key) {
        List<String> segments = new ArrayList<>();
        int bracket = key.indexOf('[');
        if (bracket < 0) {
            segments.add(key);
            return segments;
        }
        segments.add(key.substring(0, bracket));
        int i = bracket;
        while (i < key.length() && key.charAt(i) == '[') {
            int close = key.indexOf(']', i);
            if (close < 0) {
                break;
            }
            segments.add(key.substring(i + 1, close));
            i = close + 1;
        }
        return segments;
    }

    private static void put(JsonObject root, List<String> path, String value) {
        JsonObject node = root;
        for (int i = 0; i < path.size(); i++) {
            String segment = path.get(i);
            if (segment.isEmpty()) { // a[]=x appends
                segment = String.valueOf(node.size());
            }
            if (i == path.size() - 1) {
                node.addProperty(segment, value);
            } else {
                JsonElement next = node.get(segment);
                if (!(next instanceof JsonObject)) {
                    next = new JsonObject();
                    node.add(segment, next);
                }
                node = (JsonObject) next;
            }
        }
    }

    /** Objects whose keys are all indexes become arrays, in index order. */
    private static JsonElement arrays(JsonElement element) {
        if (!(element instanceof JsonObject object)) {
            return element;
        }
        boolean indexed = !object.isEmpty();
        Map<Integer, JsonElement> byIndex = new TreeMap<>();
        JsonObject converted = new JsonObject();
        for (Map.Entry<String, JsonElement> entry : object.entrySet()) {
            JsonElement value = arrays(entry.getValue());
            converted.add(entry.getKey(), value);
            if (indexed && entry.getKey().matches("\\d+")) {
                byIndex.put(Integer.parseInt(entry.getKey()), value);
            } else {
                indexed = false;
            }
        }
        if (!indexed) {
            return converted;
        }
        JsonArray array = new JsonArray();
        byIndex.values().forEach(array::add);
        return array;
    }

    JsonObject tree() {
        return root;
    }

    boolean has(String path) {
        return element(path) != null;
    }

    JsonElement element(String path) {
        JsonElement node = root;
        for (String segment : path.split("\\.")) {
            if (node instanceof JsonObject object) {
                node = object.get(segment);
            } else if (node instanceof JsonArray array && segment.matches("\\d+")) {
                int index = Integer.parseInt(segment);
                node = index < array.size() ? array.get(index) : null;
            } else {
                return null;
            }
            if (node == null) {
                return null;
            }
        }
        return node;
    }

    String string(String path) {
        JsonElement element = element(path);
        return element instanceof JsonPrimitive p && !p.getAsString().isEmpty() ? p.getAsString() : null;
    }

    String string(String path, String fallback) {
        String value = string(path);
        return value == null ? fallback : value;
    }

    Long number(String path) {
        String value = string(path);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw StripeError.invalid(
                    "Invalid integer: " + value, path.replace(".", "[") + (path.contains(".") ? "]" : ""));
        }
    }

    Double decimal(String path) {
        String value = string(path);
        if (value == null) {
            return null;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw StripeError.invalid("Invalid decimal: " + value, path);
        }
    }

    Boolean flag(String path) {
        String value = string(path);
        return value == null ? null : Boolean.parseBoolean(value);
    }

    String require(String path) {
        String value = string(path);
        if (value == null) {
            throw StripeError.missing(path);
        }
        return value;
    }

    JsonObject object(String path) {
        return element(path) instanceof JsonObject o ? o : new JsonObject();
    }

    JsonArray array(String path) {
        return element(path) instanceof JsonArray a ? a : new JsonArray();
    }

    List<String> strings(String path) {
        List<String> values = new ArrayList<>();
        for (JsonElement e : array(path)) {
            if (e.isJsonPrimitive()) {
                values.add(e.getAsString());
            }
        }
        return values;
    }

    /** Metadata as Stripe stores it: string values, an empty value removes the key. */
    static void mergeMetadata(JsonObject target, JsonObject metadata) {
        for (Map.Entry<String, JsonElement> entry : metadata.entrySet()) {
            String value = entry.getValue().isJsonPrimitive() ? entry.getValue().getAsString() : "";
            if (value.isEmpty()) {
                target.remove(entry.getKey());
            } else {
                target.addProperty(entry.getKey(), value);
            }
        }
    }
}
