/**
 * Publishes client_java metric snapshots as JFR events, so that flight recordings carry every
 * metric: {@link org.ebpfexporter.jfr.JfrBridge} creates one event type per metric family at run
 * time and emits it periodically while a recording has it enabled. Fields carry units
 * ({@code @Timespan}, {@code @DataAmount}) and per-period increases, so that {@code jfr print}
 * and JDK Mission Control show {@code 1.52 s} and chart rates directly. Depends only on
 * {@code prometheus-metrics-model} and {@code jdk.jfr}.
 */
package org.ebpfexporter.jfr;
