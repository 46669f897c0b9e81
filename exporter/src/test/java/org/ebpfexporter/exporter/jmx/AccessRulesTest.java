package org.ebpfexporter.exporter.jmx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import javax.management.remote.JMXPrincipal;
import javax.security.auth.Subject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access file in the JDK's {@code jmxremote.access} format, and what it grants. */
class AccessRulesTest {
    @TempDir
    Path dir;

    @Test
    void readsTheJdkFormat() throws IOException {
        Path file = JmxFiles.accessFile(dir, """
                # comment
                ! also a comment
                reader readonly
                monitor=readonly
                admin   readwrite
                operator: readwrite create javax.management.monitor.*,javax.management.timer.* unregister
                """);
        assertEquals(new AccessRules(Map.of("reader", AccessLevel.READONLY, "monitor", AccessLevel.READONLY,
                "admin", AccessLevel.READWRITE, "operator", AccessLevel.READWRITE), true), AccessRules.read(file));
    }

    @Test
    void clausesAfterReadonlyAreRefused() throws IOException {
        Path file = JmxFiles.accessFile(dir, "reader readonly unregister\n");
        assertEquals("--jmx.access-file " + file + ": user \"reader\": \"readonly unregister\" is not readonly or "
                + "readwrite", assertThrows(IllegalArgumentException.class, () -> AccessRules.read(file)).getMessage());
        Path empty = JmxFiles.accessFile(dir, "reader\n");
        assertThrows(IllegalArgumentException.class, () -> AccessRules.read(empty));
    }

    @Test
    void grantsByPrincipalName() throws IOException {
        AccessRules rules = AccessRules.read(JmxFiles.accessFile(dir, "reader readonly\nadmin readwrite\n"));
        assertTrue(rules.admits(user("reader")));
        assertFalse(rules.readWrite(user("reader")));
        assertTrue(rules.admits(user("admin")));
        assertTrue(rules.readWrite(user("admin")));
        assertFalse(rules.admits(user("stranger")));
        assertFalse(rules.readWrite(user("stranger")));
        assertFalse(rules.readWrite(null), "no authentication: read-only");
    }

    @Test
    void withoutAnAccessFileEveryoneIsReadOnly() {
        assertTrue(AccessRules.READ_ONLY_FOR_ALL.admits(user("anyone")));
        assertFalse(AccessRules.READ_ONLY_FOR_ALL.readWrite(user("anyone")));
        assertFalse(AccessRules.READ_ONLY_FOR_ALL.readWrite(null));
    }

    private static Subject user(String name) {
        return new Subject(true, Set.of(new JMXPrincipal(name)), Set.of(), Set.of());
    }
}
