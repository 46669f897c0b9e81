package org.ebpfexporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
  void keysKeepTheirOrder() throws Exception {
    ObjectName on = ObjectNames.of("d", FamilyType.STATE_SET, "c", "n?");
    assertEquals("type=StateSet,config=c,name=\"n\\?\"", on.getKeyPropertyListString());
    assertEquals(false, on.isPattern());
  }

  @Test
  void badDomainIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> ObjectNames.checkDomain("a:b"));
    assertThrows(IllegalArgumentException.class, () -> ObjectNames.checkDomain(""));
  }
}
