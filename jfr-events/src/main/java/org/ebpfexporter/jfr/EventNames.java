package org.ebpfexporter.jfr;

import java.util.Set;

/**
 * Maps config and metric family names to JFR event type names.
 *
 * <p>JFR accepts a type name only if it is a valid qualified Java name: every dot-separated part
 * a Java identifier that is not a keyword or literal. A name it does not accept is silently
 * replaced by {@code jdk.jfr.DynamicEventN}, so every part is mapped here, deterministically:
 * <ul>
 *   <li>each character other than an ASCII letter, digit or {@code _} becomes {@code _}
 *       (dots too: a config or family name is always one part);</li>
 *   <li>an empty part becomes {@code _};</li>
 *   <li>a part that starts with a digit, or is a Java keyword or literal, is prefixed with
 *       {@code _}.</li>
 * </ul>
 * For example {@code 9p.io-v2} becomes {@code _9p_io_v2} and {@code class} becomes {@code _class}.
 */
public final class EventNames {
    /** The first part of every event type name. */
    public static final String ROOT = "ebpf_exporter";

    /** Keywords, reserved identifiers and literals, none of which JFR accepts as a name part. */
    static final Set<String> KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class",
            "const", "continue", "default", "do", "double", "else", "enum", "extends", "final",
            "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public",
            "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
            "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false",
            "null", "_");

    private EventNames() {
    }

    /**
     * The event type name of a metric family: {@code ebpf_exporter.<config>.<family>}, with
     * {@code prefix} removed from the start of the family name when present.
     *
     * @param config the config the family belongs to
     * @param family the family name as exposed to Prometheus
     * @param prefix a prefix to strip from the family name, may be empty
     * @return a name JFR accepts
     */
    public static String typeName(String config, String family, String prefix) {
        return ROOT + "." + identifier(config) + "." + identifier(strip(family, prefix));
    }

    /** The family name without {@code prefix}, when it starts with it and is longer. */
    static String strip(String family, String prefix) {
        return !prefix.isEmpty() && family.startsWith(prefix) && family.length() > prefix.length()
                ? family.substring(prefix.length())
                : family;
    }

    /**
     * Maps one name part to a Java identifier, as described in the class documentation.
     *
     * @param part any string
     * @return an identifier that is not a keyword
     */
    public static String identifier(String part) {
        String plain = replaceInvalid(part);
        return Character.isDigit(plain.charAt(0)) || KEYWORDS.contains(plain) ? "_" + plain : plain;
    }

    /**
     * Whether JFR accepts {@code name} as an event type name.
     *
     * @param name a candidate name
     * @return true if every dot-separated part is a non-keyword Java identifier
     */
    public static boolean isValidTypeName(String name) {
        for (String part : name.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }

    /** Every character outside {@code [A-Za-z0-9_]} replaced by {@code _}; never empty. */
    static String replaceInvalid(String part) {
        if (part.isEmpty()) {
            return "_";
        }
        StringBuilder sb = new StringBuilder(part.length());
        part.codePoints().forEach(cp -> sb.append(isAsciiWordChar(cp) ? (char) cp : '_'));
        return sb.toString();
    }

    static boolean isIdentifier(String part) {
        if (part.isEmpty() || KEYWORDS.contains(part) || !Character.isJavaIdentifierStart(part.codePointAt(0))) {
            return false;
        }
        return part.codePoints().allMatch(Character::isJavaIdentifierPart);
    }

    private static boolean isAsciiWordChar(int cp) {
        return cp < 128 && (Character.isLetterOrDigit(cp) || cp == '_');
    }
}
