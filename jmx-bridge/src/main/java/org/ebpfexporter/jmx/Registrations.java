package org.ebpfexporter.jmx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The MBeans a bridge has registered: one per family, and one per series of each family. Not
 * thread-safe; the bridge calls it under its lock.
 */
final class Registrations {
  /** A family's MBean, where its series go, and its series' MBeans. */
  record Family(ViewMBean mbean, String config, String name, Measures measures,
      Map<ObjectName, ViewMBean> series) {}

  private static final System.Logger logger = System.getLogger(Registrations.class.getName());

  private final MBeanServer server;
  private final String domain;
  private final Map<ObjectName, Family> families = new LinkedHashMap<>();

  Registrations(MBeanServer server, String domain) {
    this.server = server;
    this.domain = domain;
  }

  Map<ObjectName, Family> families() {
    return families;
  }

  /** Every registered name: families, each followed by its series. */
  List<ObjectName> names() {
    List<ObjectName> names = new ArrayList<>();
    families.forEach((name, family) -> {
      names.add(name);
      names.addAll(family.series().keySet());
    });
    return names;
  }

  void addFamily(ObjectName name, Family family) {
    register(name, family.mbean());
    families.put(name, family);
  }

  void removeFamily(ObjectName name) {
    Family family = families.remove(name);
    if (family != null) {
      family.series().keySet().forEach(this::unregister);
      unregister(name);
    }
  }

  /**
   * Makes the series MBeans of a family those of {@code wanted}: registers the new ones and
   * unregisters those no longer wanted.
   */
  void syncSeries(Family family, Map<ObjectName, ViewMBean> wanted) {
    for (ObjectName name : List.copyOf(family.series().keySet())) {
      if (!wanted.containsKey(name)) {
        family.series().remove(name);
        unregister(name);
      }
    }
    for (Map.Entry<ObjectName, ViewMBean> e : wanted.entrySet()) {
      if (!family.series().containsKey(e.getKey())) {
        register(e.getKey(), e.getValue());
        family.series().put(e.getKey(), e.getValue());
      }
    }
  }

  void removeAll() {
    for (ObjectName name : List.copyOf(families.keySet())) {
      removeFamily(name);
    }
  }

  boolean contains(ObjectName name) {
    return families.containsKey(name);
  }

  private void register(ObjectName name, ViewMBean mbean) {
    try {
      server.registerMBean(mbean, name);
    } catch (InstanceAlreadyExistsException e) {
      throw new IllegalStateException("MBean " + name + " is already registered (is another"
          + " JmxBridge publishing domain " + domain + " in this JVM?)", e);
    } catch (JMException | RuntimeException e) {
      throw new IllegalStateException("cannot register MBean " + name + ": " + e.getMessage(), e);
    }
  }

  private void unregister(ObjectName name) {
    try {
      server.unregisterMBean(name);
    } catch (InstanceNotFoundException e) {
      // Someone else unregistered it already: the goal is reached.
    } catch (JMException | RuntimeException e) {
      logger.log(System.Logger.Level.WARNING, "cannot unregister MBean " + name, e);
    }
  }
}
