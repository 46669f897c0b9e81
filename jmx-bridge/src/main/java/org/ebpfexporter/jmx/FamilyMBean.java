package org.ebpfexporter.jmx;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.function.BiConsumer;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.DynamicMBean;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.ReflectionException;
import javax.management.openmbean.OpenMBeanAttributeInfoSupport;
import javax.management.openmbean.OpenMBeanConstructorInfoSupport;
import javax.management.openmbean.OpenMBeanInfoSupport;
import javax.management.openmbean.OpenMBeanOperationInfoSupport;

/**
 * The read-only MBean of one metric family. Attribute values and the MBeanInfo are computed from
 * the shared snapshot cache at read time; the view of one snapshot is kept until the cache hands
 * out another, so reading all attributes builds the tables once.
 */
final class FamilyMBean implements DynamicMBean {
  private record Memo(SnapshotCache.Collected source, FamilyView view) {}

  private final String family;
  private final FamilyType type;
  private final String help;
  private final SnapshotCache cache;
  private final int maxRows;
  private final BiConsumer<String, RuntimeException> failures;
  private volatile Memo memo;

  /** @param failures receives every failed collection, whatever the client is told */
  FamilyMBean(
      String family,
      FamilyType type,
      String help,
      SnapshotCache cache,
      int maxRows,
      BiConsumer<String, RuntimeException> failures) {
    this.family = family;
    this.type = type;
    this.help = help;
    this.cache = cache;
    this.maxRows = maxRows;
    this.failures = failures;
  }

  String family() {
    return family;
  }

  private FamilyView view() {
    SnapshotCache.Collected collected = cache.get();
    Memo current = memo;
    if (current != null && current.source() == collected) {
      return current.view();
    }
    MetricSnapshot snapshot = collected.family(family);
    if (snapshot != null && FamilyType.of(snapshot) != type) {
      snapshot = null; // The name now belongs to another type: that is another MBean.
    }
    FamilyView view = FamilyView.of(family, type, snapshot, help, maxRows);
    memo = new Memo(collected, view);
    return view;
  }

  @Override
  public Object getAttribute(String attribute) throws AttributeNotFoundException, MBeanException {
    FamilyView view;
    try {
      view = view();
    } catch (RuntimeException e) {
      failures.accept(JmxBridge.COLLECTING, e);
      // Only JDK exception types, so a remote client can deserialise the failure.
      throw new MBeanException(
          new Exception("collecting metrics for " + family + " failed: " + e), e.getMessage());
    }
    Object value = view.values().get(attribute);
    if (value == null) {
      throw new AttributeNotFoundException(
          "no attribute " + attribute + " in " + family + " (now " + view.values().keySet() + ")");
    }
    return value;
  }

  @Override
  public AttributeList getAttributes(String[] attributes) {
    AttributeList list = new AttributeList();
    FamilyView view;
    try {
      view = view();
    } catch (RuntimeException e) {
      failures.accept(JmxBridge.COLLECTING, e);
      return list; // getAttributes tells its client of failures by leaving attributes out.
    }
    for (String name : attributes) {
      Object value = view.values().get(name);
      if (value != null) {
        list.add(new Attribute(name, value));
      }
    }
    return list;
  }

  @Override
  public MBeanInfo getMBeanInfo() {
    FamilyView view;
    try {
      view = view();
    } catch (RuntimeException e) {
      failures.accept(JmxBridge.COLLECTING, e);
      Memo last = memo;
      view = last != null ? last.view() : FamilyView.of(family, type, null, help, maxRows);
    }
    return new OpenMBeanInfoSupport(
        FamilyMBean.class.getName(),
        view.description(),
        view.attributes().toArray(OpenMBeanAttributeInfoSupport[]::new),
        new OpenMBeanConstructorInfoSupport[0],
        new OpenMBeanOperationInfoSupport[0],
        null);
  }

  @Override
  public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
    throw new AttributeNotFoundException(
        "attribute " + attribute.getName() + " of " + family + " is read-only");
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    return new AttributeList(); // All attributes are read-only: none set.
  }

  @Override
  public Object invoke(String actionName, Object[] params, String[] signature)
      throws ReflectionException {
    throw new ReflectionException(
        new NoSuchMethodException(actionName), "MBean of " + family + " has no operations");
  }
}
