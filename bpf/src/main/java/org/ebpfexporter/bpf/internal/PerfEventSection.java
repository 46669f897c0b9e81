package org.ebpfexporter.bpf.internal;

/**
 * The perf event a {@code perf_event/type=T,config=C,frequency=F} section asks for, as upstream's
 * exporter defines the section. {@code period=P} (sample every P events) is accepted as well, for
 * exact event counts.
 *
 * @param type      perf event type ({@code PERF_TYPE_SOFTWARE} is 1)
 * @param config    event within the type
 * @param frequency samples per second, or 0
 * @param period    events per sample, or 0
 */
public record PerfEventSection(int type, long config, long frequency, long period) {
    /** The section prefix that marks these programs. */
    public static final String PREFIX = "perf_event/";

    /**
     * Parses a section name.
     *
     * @throws IllegalArgumentException naming the item that is malformed or unknown
     */
    public static PerfEventSection parse(String section) {
        int type = -1;
        long config = 0;
        long frequency = 0;
        long period = 0;
        for (String item : section.substring(PREFIX.length()).split(",")) {
            String[] kv = item.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("invalid perf_event item \"" + item + "\" in section " + section);
            }
            long value;
            try {
                value = Long.parseLong(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("perf_event item \"" + item + "\" in section " + section
                        + " is not an integer");
            }
            switch (kv[0].strip()) {
                case "type" -> type = (int) value;
                case "config" -> config = value;
                case "frequency" -> frequency = value;
                case "period" -> period = value;
                default -> throw new IllegalArgumentException("unknown perf_event item \"" + item
                        + "\" in section " + section + " (known: type, config, frequency, period)");
            }
        }
        if (type < 0) {
            throw new IllegalArgumentException("perf_event section " + section + " has no type=");
        }
        if (frequency > 0 && period > 0) {
            throw new IllegalArgumentException("perf_event section " + section + " sets both frequency and period");
        }
        return new PerfEventSection(type, config, frequency, period);
    }
}
