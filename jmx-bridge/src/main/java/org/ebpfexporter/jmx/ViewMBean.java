package org.ebpfexporter.jmx;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.function.BiConsumer;
import java.util.function.Function;
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
 * A read-only MBean showing a family, or one series of it. Attribute values and the MBeanInfo are
 * computed from the shared snapshot cache at read time; the view of one snapshot of the family is
 * kept until the cache hands out another, so reading every attribute builds it once.
 */
final class ViewMBean implements DynamicMBean {
  private record Memo(MetricSnapshot source, View view) {}

  private final FamilySpec spec;
  private final SnapshotCache cache;
  private final Periods periods;
  private final Function<Periods.Latest, View> viewer;
  private final BiConsumer<String, RuntimeException> failures;
  private volatile Memo memo;

  /**
   * @param viewer builds the view from the family's latest series, or from null when the family
   *     is missing from the collection
   * @param failures receives every failed collection, whatever the client is told
   */
  ViewMBean(FamilySpec spec, SnapshotCache cache, Periods periods,
      Function<Periods.Latest, View> viewer, BiConsumer<String, RuntimeException> failures) {
    this.spec = spec;
    this.cache = cache;
    this.periods = periods;
    this.viewer = viewer;
    this.failures = failures;
  }

  FamilySpec spec() {
    return spec;
  }

  private View view() {
    MetricSnapshot snapshot = cache.get().family(spec.family());
    if (snapshot != null && FamilyType.of(snapshot) != spec.type()) {
      snapshot = null; // The name now belongs to another type: that is another MBean.
    }
    Memo current = memo;
    if (current != null && current.source() == snapshot && snapshot != null) {
      return current.view();
    }
    View view = viewer.apply(snapshot == null ? null : periods.latest(spec.family(), snapshot));
    memo = new Memo(snapshot, view);
    return view;
  }

  @Override
  public Object getAttribute(String attribute) throws AttributeNotFoundException, MBeanException {
    View view;
    try {
      view = view();
    } catch (RuntimeException e) {
      failures.accept(JmxBridge.COLLECTING, e);
      // Only JDK exception types, so a remote client can deserialise the failure.
      throw new MBeanException(
          new Exception("collecting metrics for " + spec.family() + " failed: " + e),
          e.getMessage());
    }
    Object value = view.values().get(attribute);
    if (value == null) {
      throw new AttributeNotFoundException("no attribute " + attribute + " in " + spec.family()
          + " (now " + view.values().keySet() + ")");
    }
    return value;
  }

  @Override
  public AttributeList getAttributes(String[] attributes) {
    AttributeList list = new AttributeList();
    View view;
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
    View view;
    try {
      view = view();
    } catch (RuntimeException e) {
      failures.accept(JmxBridge.COLLECTING, e);
      Memo last = memo;
      view = last != null ? last.view() : viewer.apply(null);
    }
    return new OpenMBeanInfoSupport(
        ViewMBean.class.getName(),
        view.description(),
        view.attributes().toArray(OpenMBeanAttributeInfoSupport[]::new),
        new OpenMBeanConstructorInfoSupport[0],
        new OpenMBeanOperationInfoSupport[0],
        null);
  }

  @Override
  public void setAttribute(Attribute attribute) throws AttributeNotFoundException {
    throw new AttributeNotFoundException(
        "attribute " + attribute.getName() + " of " + spec.family() + " is read-only");
  }

  @Override
  public AttributeList setAttributes(AttributeList attributes) {
    return new AttributeList(); // All attributes are read-only: none set.
  }

  @Override
  public Object invoke(String actionName, Object[] params, String[] signature)
      throws ReflectionException {
    throw new ReflectionException(new NoSuchMethodException(actionName),
        "MBean of " + spec.family() + " has no operations");
  }
}
