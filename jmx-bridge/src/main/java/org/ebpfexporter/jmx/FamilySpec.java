package org.ebpfexporter.jmx;

import java.util.function.DoubleFunction;

/**
 * What the MBeans of one family need to know besides its data.
 *
 * @param family the family name, as the text exposition writes it
 * @param type its kind
 * @param help its help, the MBeans' description
 * @param integral whether its values are whole numbers, published as {@code Long}
 * @param boundText how bucket bounds are spelled in the {@code le} column
 * @param maxRows the most rows of a {@code Series} table
 */
record FamilySpec(
    String family,
    FamilyType type,
    String help,
    boolean integral,
    DoubleFunction<String> boundText,
    int maxRows) {

  /** Names in seconds (Prometheus's base unit of time) get their means and quantiles in milliseconds. */
  private static final String SECONDS = "_seconds";

  /** Whether means and quantiles are shown in milliseconds rather than the family's own unit. */
  boolean inMillis() {
    return family.endsWith(SECONDS);
  }

  /** The description of the MBeans: the help, or the family name when there is none. */
  String description() {
    return help != null && !help.isBlank() ? help : family;
  }
}
