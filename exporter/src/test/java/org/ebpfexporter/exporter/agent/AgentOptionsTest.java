package org.ebpfexporter.exporter.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.ebpfexporter.exporter.jfr.JfrSettings;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {
    @Test
    void noOptionsMeansEmbeddedConfigsJfrOnAndNoHttp() {
        AgentOptions options = AgentOptions.parse(null);
        assertEquals(new AgentOptions(Path.of("."), List.of(), null, "/metrics", null, JfrSettings.DEFAULT), options);
        assertEquals(options, AgentOptions.parse(""));
    }

    @Test
    void listsUsePlusBetweenItems() {
        AgentOptions options = AgentOptions.parse("config.dir=/etc/x,config.names=a+b,web.listen-address=:9435,"
                + "web.telemetry-path=/m,web.config.file=/etc/x/web.yml,jfr=false,jfr.max-events-per-period=5");
        assertEquals(new AgentOptions(Path.of("/etc/x"), List.of("a", "b"), ":9435", "/m", Path.of("/etc/x/web.yml"),
                new JfrSettings(false, 5)), options);
    }

    @Test
    void badOptionsNameTheProblem() {
        assertEquals("unknown agent option config.name (known: [config.dir, config.names, jfr, "
                        + "jfr.max-events-per-period, web.config.file, web.listen-address, web.telemetry-path])",
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("config.name=a")).getMessage());
        assertEquals("agent option \"jfr\" is not name=value",
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("jfr")).getMessage());
        assertEquals("agent option jfr: \"yes\" is not true or false",
                assertThrows(IllegalArgumentException.class, () -> AgentOptions.parse("jfr=yes")).getMessage());
        assertEquals("agent option jfr.max-events-per-period: \"x\" is not a number",
                assertThrows(IllegalArgumentException.class,
                        () -> AgentOptions.parse("jfr.max-events-per-period=x")).getMessage());
    }

    @Test
    void launcherReadsOldAndNewVersionStrings() {
        assertEquals(8, AgentLauncher.feature("1.8"));
        assertEquals(17, AgentLauncher.feature("17"));
        assertEquals(25, AgentLauncher.feature("25"));
        assertEquals(0, AgentLauncher.feature("x"));
    }
}
