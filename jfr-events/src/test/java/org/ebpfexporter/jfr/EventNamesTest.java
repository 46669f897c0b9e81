package org.ebpfexporter.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventNamesTest {

    @ParameterizedTest
    @CsvSource({
        "biolatency, ebpf_exporter_bio_latency_seconds, ebpf_exporter.biolatency.bio_latency_seconds",
        "exporter,   ebpf_exporter_decoder_errors_total, ebpf_exporter.exporter.decoder_errors_total",
        "timers,     other_metric,                       ebpf_exporter.timers.other_metric",
        "9p.io-v2,   ebpf_exporter_x,                    ebpf_exporter._9p_io_v2.x",
        "class,      ebpf_exporter_new,                  ebpf_exporter._class._new",
        "cfg,        ebpf_exporter_2xx_total,            ebpf_exporter.cfg._2xx_total",
        "cfg,        ebpf_exporter_,                     ebpf_exporter.cfg.ebpf_exporter_",
        "cfg,        requests.per.second,                ebpf_exporter.cfg.requests_per_second",
        "cfg,        'latenz_µs',                        ebpf_exporter.cfg.latenz__s",
        "'',         '_',                                ebpf_exporter.__.__",
    })
    void typeNames(String config, String family, String expected) {
        String name = EventNames.typeName(config, family, "ebpf_exporter_");
        assertEquals(expected, name);
        assertTrue(EventNames.isValidTypeName(name), name);
    }

    @Test
    void emptyPrefixKeepsFamily() {
        assertEquals("ebpf_exporter.c.ebpf_exporter_x", EventNames.typeName("c", "ebpf_exporter_x", ""));
    }

    @Test
    void validity() {
        assertTrue(EventNames.isValidTypeName("a.b_c.d1"));
        assertFalse(EventNames.isValidTypeName("a.class.b"));
        assertFalse(EventNames.isValidTypeName("a.1b"));
        assertFalse(EventNames.isValidTypeName("a..b"));
        assertFalse(EventNames.isValidTypeName("a.b-c"));
        assertFalse(EventNames.isValidTypeName("a.null"));
    }

    @Test
    void labelFields() {
        Set<String> value = EventShape.VALUE.fieldNames();
        assertEquals(List.of("path", "class_label", "startTime_label", "duration_label", "eventThread_label",
                        "stackTrace_label", "value_label", "_2xx", "a_b", "a_b_2", "count", "__label"),
                FieldNames.forLabels(List.of("path", "class", "startTime", "duration", "eventThread", "stackTrace",
                        "value", "2xx", "a-b", "a.b", "count", "_"), value));
        // count and sum are taken in the series shape, le in the bucket shape.
        assertEquals(List.of("count_label", "sum_label", "le"),
                FieldNames.forLabels(List.of("count", "sum", "le"), EventShape.SERIES.fieldNames()));
        assertEquals(List.of("le_label", "count_label"),
                FieldNames.forLabels(List.of("le", "count"), EventShape.BUCKET.fieldNames()));
    }

    @Test
    void mappedLabelThatMeetsAnotherLabelIsNumbered() {
        assertEquals(List.of("class_label", "class_label_2"),
                FieldNames.forLabels(List.of("class", "class_label"), Set.of()));
    }
}
