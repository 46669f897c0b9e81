/**
 * The {@code -javaagent} mode: the exporter inside an application's JVM, publishing kernel metrics
 * into that JVM's flight recordings (and platform MBean server), optionally over HTTP.
 * {@code AgentLauncher} (compiled for Java 8) is the manifest's entry point; it hands over to
 * {@link org.ebpfexporter.exporter.agent.Agent} on Java 25 and newer.
 */
package org.ebpfexporter.exporter.agent;
