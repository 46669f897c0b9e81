/** JMH benchmarks of the exporter's hot paths. */
package org.ebpfexporter.benchmark;
