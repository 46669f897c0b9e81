package org.ebpfexporter.jfr;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Maps label names to JFR field names.
 *
 * <p>A field name must be a Java identifier that is not a keyword, and must not clash with the
 * fields JFR adds to every event ({@link #JFR_RESERVED}) or with the value fields of the event
 * shape ({@code value}, {@code count}, ...). Each label name is mapped deterministically:
 * <ol>
 *   <li>characters other than ASCII letters, digits and {@code _} become {@code _}, a leading
 *       digit gets a {@code _} prefix (as in {@link EventNames});</li>
 *   <li>a result that is a Java keyword, a JFR reserved name or a value field of the shape gets
 *       the suffix {@code _label} ({@code class} becomes {@code class_label},
 *       {@code startTime} becomes {@code startTime_label});</li>
 *   <li>a result equal to the field of an earlier label (in the family's label order) gets the
 *       suffix {@code _2}, {@code _3}, ... until it is unique.</li>
 * </ol>
 */
final class FieldNames {
    /** Fields every JFR event carries implicitly. */
    static final Set<String> JFR_RESERVED = Set.of("startTime", "duration", "eventThread", "stackTrace");

    /** The suffix that marks a label whose name is taken. */
    static final String LABEL_SUFFIX = "_label";

    private FieldNames() {
    }

    /**
     * The field names for {@code labelNames}, in the same order.
     *
     * @param labelNames  the family's label names
     * @param valueFields the names of the shape's own fields
     * @return one distinct field name per label
     */
    static List<String> forLabels(List<String> labelNames, Set<String> valueFields) {
        Set<String> used = new HashSet<>(valueFields);
        List<String> fields = new ArrayList<>(labelNames.size());
        for (String label : labelNames) {
            String field = forLabel(label, valueFields);
            String unique = field;
            for (int n = 2; used.contains(unique); n++) {
                unique = field + "_" + n;
            }
            used.add(unique);
            fields.add(unique);
        }
        return fields;
    }

    /** Steps 1 and 2 of the mapping, for one label on its own. */
    static String forLabel(String label, Set<String> valueFields) {
        String plain = EventNames.replaceInvalid(label);
        if (Character.isDigit(plain.charAt(0))) {
            plain = "_" + plain;
        }
        boolean taken = EventNames.KEYWORDS.contains(plain) || JFR_RESERVED.contains(plain) || valueFields.contains(plain);
        return taken ? plain + LABEL_SUFFIX : plain;
    }
}
