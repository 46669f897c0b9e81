package org.ebpfexporter.exporter.jmx;

import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.AttributeNotFoundException;
import javax.management.InstanceAlreadyExistsException;
import javax.management.InstanceNotFoundException;
import javax.management.IntrospectionException;
import javax.management.InvalidAttributeValueException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanException;
import javax.management.MBeanInfo;
import javax.management.MBeanRegistrationException;
import javax.management.MBeanServer;
import javax.management.NotCompliantMBeanException;
import javax.management.NotificationFilter;
import javax.management.NotificationListener;
import javax.management.ObjectInstance;
import javax.management.ObjectName;
import javax.management.QueryExp;
import javax.management.ReflectionException;
import javax.management.loading.ClassLoaderRepository;
import javax.management.remote.MBeanServerForwarder;
import javax.security.auth.Subject;

/**
 * Sits between the remote connector and the platform MBean server, so that it sees every remote
 * call: callers whose subject {@link AccessRules#readWrite has readwrite} pass straight through;
 * everyone else, clients of a connector without authentication included, gets the
 * {@link ReadOnlyView}: queries, attribute reads, MBean info and notifications of its MBeans, and a
 * {@link SecurityException} for anything else (invoke, setAttribute, createMBean, unregisterMBean,
 * listener MBeans, other MBeans). The local platform MBean server is not affected.
 *
 * <p>Some methods no client can call; the connector calls them itself, outside the client's
 * subject, and they pass through. {@link #getClassLoaderFor}, {@link #getClassLoader} and
 * {@link #getClassLoaderRepository} pick the class loader that decodes a call's arguments (which
 * {@link ClientObjectFilter} limits to JMX and JDK value classes) before the call comes here.
 * Listeners that are objects, not MBeans, are added and removed by the connector's notification
 * buffer, which listens to every broadcaster once for all clients (found with a query of its own);
 * a client subscribes through {@link #isInstanceOf}, which is checked, and receives only the
 * notifications it subscribed to.
 */
final class RemoteAccessForwarder implements MBeanServerForwarder {
    private final AccessRules rules;
    private MBeanServer server;

    RemoteAccessForwarder(AccessRules rules) {
        this.rules = rules;
    }

    @Override
    public MBeanServer getMBeanServer() {
        return server;
    }

    @Override
    public void setMBeanServer(MBeanServer server) {
        if (server == null) {
            throw new IllegalArgumentException("null MBean server");
        }
        if (this.server != null) {
            throw new IllegalStateException("MBean server already set");
        }
        this.server = server;
    }

    private boolean fullAccess() {
        return rules.readWrite(Subject.current());
    }

    private void requireFullAccess(String operation) {
        if (!fullAccess()) {
            throw new SecurityException("Access denied: " + operation
                    + " needs readwrite access; remote JMX is read-only for this user");
        }
    }

    private void requireVisible(ObjectName name) {
        if (!fullAccess() && !ReadOnlyView.contains(name)) {
            throw new SecurityException("Access denied: " + name + " is not in the read-only view of remote JMX");
        }
    }

    /** The view's MBeans matching the pattern and the query, whose attribute reads go through this view. */
    private Set<ObjectName> visibleNames(ObjectName pattern, QueryExp query) {
        Set<ObjectName> names = new HashSet<>();
        for (ObjectName name : server.queryNames(pattern, null)) {
            if (ReadOnlyView.contains(name) && matches(query, name)) {
                names.add(name);
            }
        }
        return names;
    }

    private boolean matches(QueryExp query, ObjectName name) {
        if (query == null) {
            return true;
        }
        query.setMBeanServer(this);
        try {
            return query.apply(name);
        } catch (Exception e) {
            // As in the MBean server: an MBean the query cannot evaluate does not match.
            return false;
        }
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name) throws ReflectionException,
            InstanceAlreadyExistsException, MBeanRegistrationException, MBeanException, NotCompliantMBeanException {
        requireFullAccess("createMBean");
        return server.createMBean(className, name);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, ObjectName loaderName)
            throws ReflectionException, InstanceAlreadyExistsException, MBeanRegistrationException, MBeanException,
            NotCompliantMBeanException, InstanceNotFoundException {
        requireFullAccess("createMBean");
        return server.createMBean(className, name, loaderName);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, Object[] params, String[] signature)
            throws ReflectionException, InstanceAlreadyExistsException, MBeanRegistrationException, MBeanException,
            NotCompliantMBeanException {
        requireFullAccess("createMBean");
        return server.createMBean(className, name, params, signature);
    }

    @Override
    public ObjectInstance createMBean(String className, ObjectName name, ObjectName loaderName, Object[] params,
                                      String[] signature) throws ReflectionException, InstanceAlreadyExistsException,
            MBeanRegistrationException, MBeanException, NotCompliantMBeanException, InstanceNotFoundException {
        requireFullAccess("createMBean");
        return server.createMBean(className, name, loaderName, params, signature);
    }

    @Override
    public ObjectInstance registerMBean(Object object, ObjectName name)
            throws InstanceAlreadyExistsException, MBeanRegistrationException, NotCompliantMBeanException {
        requireFullAccess("registerMBean");
        return server.registerMBean(object, name);
    }

    @Override
    public void unregisterMBean(ObjectName name) throws InstanceNotFoundException, MBeanRegistrationException {
        requireFullAccess("unregisterMBean");
        server.unregisterMBean(name);
    }

    @Override
    public ObjectInstance getObjectInstance(ObjectName name) throws InstanceNotFoundException {
        requireVisible(name);
        return server.getObjectInstance(name);
    }

    @Override
    public Set<ObjectInstance> queryMBeans(ObjectName name, QueryExp query) {
        if (fullAccess()) {
            return server.queryMBeans(name, query);
        }
        Set<ObjectInstance> instances = new HashSet<>();
        for (ObjectName visible : visibleNames(name, query)) {
            try {
                instances.add(server.getObjectInstance(visible));
            } catch (InstanceNotFoundException e) {
                // Unregistered since the query: not part of the answer.
            }
        }
        return instances;
    }

    @Override
    public Set<ObjectName> queryNames(ObjectName name, QueryExp query) {
        return fullAccess() || isJdkInternal(query) ? server.queryNames(name, query) : visibleNames(name, query);
    }

    /**
     * Whether the query is of a class {@code java.management} keeps to itself, such as the
     * notification buffer's query for every broadcaster: no client can send one (nor would
     * {@link ClientObjectFilter} admit it), so the connector itself is asking.
     */
    private static boolean isJdkInternal(QueryExp query) {
        Module jmx = MBeanServer.class.getModule();
        return query != null && query.getClass().getModule() == jmx
                && !jmx.isExported(query.getClass().getPackageName());
    }

    @Override
    public boolean isRegistered(ObjectName name) {
        return (fullAccess() || ReadOnlyView.contains(name)) && server.isRegistered(name);
    }

    @Override
    public Integer getMBeanCount() {
        return fullAccess() ? server.getMBeanCount() : visibleNames(null, null).size();
    }

    @Override
    public Object getAttribute(ObjectName name, String attribute)
            throws MBeanException, AttributeNotFoundException, InstanceNotFoundException, ReflectionException {
        requireVisible(name);
        return server.getAttribute(name, attribute);
    }

    @Override
    public AttributeList getAttributes(ObjectName name, String[] attributes)
            throws InstanceNotFoundException, ReflectionException {
        requireVisible(name);
        return server.getAttributes(name, attributes);
    }

    @Override
    public void setAttribute(ObjectName name, Attribute attribute) throws InstanceNotFoundException,
            AttributeNotFoundException, InvalidAttributeValueException, MBeanException, ReflectionException {
        requireFullAccess("setAttribute");
        server.setAttribute(name, attribute);
    }

    @Override
    public AttributeList setAttributes(ObjectName name, AttributeList attributes)
            throws InstanceNotFoundException, ReflectionException {
        requireFullAccess("setAttributes");
        return server.setAttributes(name, attributes);
    }

    @Override
    public Object invoke(ObjectName name, String operationName, Object[] params, String[] signature)
            throws InstanceNotFoundException, MBeanException, ReflectionException {
        requireFullAccess("invoke");
        return server.invoke(name, operationName, params, signature);
    }

    @Override
    public String getDefaultDomain() {
        return server.getDefaultDomain();
    }

    @Override
    public String[] getDomains() {
        if (fullAccess()) {
            return server.getDomains();
        }
        Set<String> domains = new TreeSet<>();
        visibleNames(null, null).forEach(name -> domains.add(name.getDomain()));
        return domains.toArray(String[]::new);
    }

    /** Only the connector's notification buffer calls this: see the class comment. */
    @Override
    public void addNotificationListener(ObjectName name, NotificationListener listener, NotificationFilter filter,
                                        Object handback) throws InstanceNotFoundException {
        server.addNotificationListener(name, listener, filter, handback);
    }

    /** A listener that is an MBean runs that MBean's code on every notification: full access only. */
    @Override
    public void addNotificationListener(ObjectName name, ObjectName listener, NotificationFilter filter,
                                        Object handback) throws InstanceNotFoundException {
        requireFullAccess("addNotificationListener with a listener MBean");
        server.addNotificationListener(name, listener, filter, handback);
    }

    @Override
    public void removeNotificationListener(ObjectName name, ObjectName listener)
            throws InstanceNotFoundException, ListenerNotFoundException {
        requireFullAccess("removeNotificationListener with a listener MBean");
        server.removeNotificationListener(name, listener);
    }

    @Override
    public void removeNotificationListener(ObjectName name, ObjectName listener, NotificationFilter filter,
                                           Object handback) throws InstanceNotFoundException, ListenerNotFoundException {
        requireFullAccess("removeNotificationListener with a listener MBean");
        server.removeNotificationListener(name, listener, filter, handback);
    }

    /** Only the connector's notification buffer calls this: see the class comment. */
    @Override
    public void removeNotificationListener(ObjectName name, NotificationListener listener)
            throws InstanceNotFoundException, ListenerNotFoundException {
        server.removeNotificationListener(name, listener);
    }

    /** Only the connector's notification buffer calls this: see the class comment. */
    @Override
    public void removeNotificationListener(ObjectName name, NotificationListener listener, NotificationFilter filter,
                                           Object handback) throws InstanceNotFoundException, ListenerNotFoundException {
        server.removeNotificationListener(name, listener, filter, handback);
    }

    @Override
    public MBeanInfo getMBeanInfo(ObjectName name)
            throws InstanceNotFoundException, IntrospectionException, ReflectionException {
        requireVisible(name);
        return server.getMBeanInfo(name);
    }

    @Override
    public boolean isInstanceOf(ObjectName name, String className) throws InstanceNotFoundException {
        requireVisible(name);
        return server.isInstanceOf(name, className);
    }

    @Override
    public Object instantiate(String className) throws ReflectionException, MBeanException {
        requireFullAccess("instantiate");
        return server.instantiate(className);
    }

    @Override
    public Object instantiate(String className, ObjectName loaderName)
            throws ReflectionException, MBeanException, InstanceNotFoundException {
        requireFullAccess("instantiate");
        return server.instantiate(className, loaderName);
    }

    @Override
    public Object instantiate(String className, Object[] params, String[] signature)
            throws ReflectionException, MBeanException {
        requireFullAccess("instantiate");
        return server.instantiate(className, params, signature);
    }

    @Override
    public Object instantiate(String className, ObjectName loaderName, Object[] params, String[] signature)
            throws ReflectionException, MBeanException, InstanceNotFoundException {
        requireFullAccess("instantiate");
        return server.instantiate(className, loaderName, params, signature);
    }

    @Override
    public ClassLoader getClassLoaderFor(ObjectName name) throws InstanceNotFoundException {
        return server.getClassLoaderFor(name);
    }

    @Override
    public ClassLoader getClassLoader(ObjectName loaderName) throws InstanceNotFoundException {
        return server.getClassLoader(loaderName);
    }

    @Override
    public ClassLoaderRepository getClassLoaderRepository() {
        return server.getClassLoaderRepository();
    }
}
