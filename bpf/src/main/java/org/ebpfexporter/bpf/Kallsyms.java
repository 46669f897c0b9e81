package org.ebpfexporter.bpf;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Kernel symbols from {@code /proc/kallsyms}: address to symbol and symbol to address. Addresses
 * are unsigned; the table is immutable and safe to share between threads.
 */
public final class Kallsyms {
    private static final Path PROC_KALLSYMS = Path.of("/proc/kallsyms");

    private final long[] addresses;
    private final String[] names;
    private final Map<String, Long> byName;

    private Kallsyms(List<Map.Entry<Long, String>> symbols) {
        symbols.sort(Comparator.comparing(Map.Entry::getKey, Long::compareUnsigned));
        addresses = new long[symbols.size()];
        names = new String[symbols.size()];
        byName = new HashMap<>(symbols.size() * 2);
        for (int i = 0; i < symbols.size(); i++) {
            addresses[i] = symbols.get(i).getKey();
            names[i] = symbols.get(i).getValue();
            byName.putIfAbsent(names[i], addresses[i]);
        }
    }

    /** Reads {@code /proc/kallsyms}; addresses are all zero unless the reader may see them (root). */
    public static Kallsyms load() {
        try (BufferedReader reader = Files.newBufferedReader(PROC_KALLSYMS)) {
            return parse(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PROC_KALLSYMS, e);
        }
    }

    /** Parses lines of the kallsyms format: {@code ADDRESS TYPE NAME [MODULE]}. */
    public static Kallsyms parse(Reader text) throws IOException {
        List<Map.Entry<Long, String>> symbols = new ArrayList<>();
        BufferedReader reader = text instanceof BufferedReader b ? b : new BufferedReader(text);
        for (String line; (line = reader.readLine()) != null; ) {
            String[] fields = line.split("\\s+");
            if (fields.length < 3) {
                continue;
            }
            try {
                symbols.add(Map.entry(Long.parseUnsignedLong(fields[0], 16), fields[2]));
            } catch (NumberFormatException e) {
                // not a symbol line
            }
        }
        return new Kallsyms(symbols);
    }

    /** The symbol that starts exactly at {@code address}. */
    public Optional<String> symbolAt(long address) {
        int i = floorIndex(address);
        return i >= 0 && addresses[i] == address ? Optional.of(names[i]) : Optional.empty();
    }

    /** The symbol whose range contains {@code address}: the last one starting at or below it. */
    public Optional<String> symbolContaining(long address) {
        int i = floorIndex(address);
        return i >= 0 ? Optional.of(names[i]) : Optional.empty();
    }

    /** The address of a symbol, if the table has it. */
    public Optional<Long> address(String symbol) {
        return Optional.ofNullable(byName.get(symbol));
    }

    /** How many symbols the table holds. */
    public int size() {
        return addresses.length;
    }

    /** The index of the last address at or below {@code address} (unsigned), or -1. */
    private int floorIndex(long address) {
        int low = 0;
        int high = addresses.length - 1;
        int found = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (Long.compareUnsigned(addresses[mid], address) <= 0) {
                found = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return found;
    }
}
