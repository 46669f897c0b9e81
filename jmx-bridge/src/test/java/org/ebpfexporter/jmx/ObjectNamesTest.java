package org.ebpfexporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class ObjectNamesTest {
  @Test
  void plainValuesStayPlain() {
    assertEquals("biolatency", ObjectNames.value("biolatency"));
    assertEquals("a.b-c_d", ObjectNames.value("a.b-c_d"));
  }

  @Test
  void forbiddenCharactersAreQuoted() {
    for (String raw : new String[] {"a,b", "a=b", "a:b", "a\"b", "a*b", "a?b", "a\nb", ""}) {
      String value = ObjectNames.value(raw);
      assertEquals('"', value.charAt(0), raw);
      assertEquals(raw, ObjectName.unquote(value));
    }
  }

  @Test
  void keysKeepTheirOrderConfigFirst() throws Exception {
    ObjectName on = ObjectNames.family("d", "jvm-threads", "n?");
    assertEquals("config=jvm-threads,name=\"n\\?\"", on.getKeyPropertyListString());
    assertEquals(false, on.isPattern());
  }

  @Test
  void seriesFollowTheirFamilyLabelByLabel() {
    ObjectName on = ObjectNames.series("d", "biolatency", "bio_latency_seconds",
        new Series.LabelSet(List.of("device", "operation"), List.of("vda", "write")));
    assertEquals("config=biolatency,name=bio_latency_seconds,device=vda,operation=write",
        on.getKeyPropertyListString());
  }

  @Test
  void labelsNamedLikeAKeyOfTheirOwnAreRenamed() {
    // Consoles hoist "type" and "j2eeType" to the top of the tree; config and name are taken.
    assertEquals(List.of("config_label", "name_label", "type_label", "j2eeType_label", "cpu", "label"),
        ObjectNames.labelKeys(List.of("config", "name", "type", "j2eeType", "cpu", "")));
    ObjectName on = ObjectNames.series("d", "exporter", "decoder_errors_total",
        new Series.LabelSet(List.of("config"), List.of("stack\nframes")));
    assertEquals("stack\nframes", ObjectName.unquote(on.getKeyProperty("config_label")));
    assertEquals("exporter", on.getKeyProperty("config"));
  }

  @Test
  void badDomainIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ObjectNames.checkDomain("a:b"));
    assertThrows(IllegalArgumentException.class, () -> ObjectNames.checkDomain(""));
  }
}
