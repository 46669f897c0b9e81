package org.ebpfexporter.exporter.decoder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.ebpfexporter.exporter.config.ConfigException;
import org.ebpfexporter.exporter.config.InputFiles;

/**
 * The PCI ID database ({@code pci.ids}, Debian package {@code pci.ids}), read once on first use.
 * Keys are lower-case hex as in the file: vendors {@code "8086"}, devices vendor and device
 * concatenated {@code "80861000"}, classes {@code "02"}, subclasses class and subclass {@code "0200"}.
 */
public final class PciIds {
    /** Where Debian installs the database. */
    public static final Path DEFAULT_PATH = Path.of("/usr/share/misc/pci.ids");
    /** The label value of every {@code pci_*} decoder when the database is not there. */
    public static final String MISSING = "missing pci.ids db";

    private static final System.Logger logger = System.getLogger(PciIds.class.getName());

    private final Path path;
    private volatile Optional<Tables> tables;

    /** Names by hex key, per kind of entry. */
    record Tables(Map<String, String> vendors, Map<String, String> devices, Map<String, String> classes,
            Map<String, String> subclasses) {
    }

    /** @param path the database file; it may be absent */
    public PciIds(Path path) {
        this.path = path;
    }

    /** The parsed database, or empty when the file cannot be read. */
    Optional<Tables> tables() {
        Optional<Tables> loaded = tables;
        if (loaded == null) {
            synchronized (this) {
                if (tables == null) {
                    tables = load();
                }
                loaded = tables;
            }
        }
        return loaded;
    }

    private Optional<Tables> load() {
        Tables t = new Tables(new HashMap<>(), new HashMap<>(), new HashMap<>(), new HashMap<>());
        // A regular file of bounded size, so that a FIFO or a device there never blocks a scrape.
        try (BufferedReader reader = new BufferedReader(new StringReader(
                new String(InputFiles.read(path, InputFiles.PCI_IDS_MAX_BYTES), StandardCharsets.UTF_8)))) {
            String vendor = null;
            String pciClass = null;
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("C ")) {
                    pciClass = id(line.substring(2));
                    vendor = null;
                    t.classes().put(pciClass, name(line.substring(2)));
                } else if (!line.startsWith("\t")) {
                    vendor = id(line);
                    pciClass = null;
                    t.vendors().put(vendor, name(line));
                } else if (!line.startsWith("\t\t")) {
                    // Devices under a vendor, subclasses under a class; deeper levels are not decoded.
                    String entry = line.substring(1);
                    if (vendor != null) {
                        t.devices().put(vendor + id(entry), name(entry));
                    } else if (pciClass != null) {
                        t.subclasses().put(pciClass + id(entry), name(entry));
                    }
                }
            }
        } catch (IOException | ConfigException e) {
            logger.log(System.Logger.Level.WARNING, "PCI ID database not used: " + e.getMessage());
            return Optional.empty();
        }
        return Optional.of(t);
    }

    private static String id(String entry) {
        int space = entry.indexOf(' ');
        return (space < 0 ? entry : entry.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
    }

    private static String name(String entry) {
        int space = entry.indexOf(' ');
        return space < 0 ? "" : entry.substring(space).strip();
    }
}
