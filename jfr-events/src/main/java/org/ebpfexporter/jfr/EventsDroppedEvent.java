package org.ebpfexporter.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** Committed once per period and event type whose series exceeded the per-period cap. */
@Name(EventsDroppedEvent.NAME)
@Label("Events Dropped")
@Description("Metric events not recorded in one period because the family exceeded the per-period cap")
@Category({FamilyEventType.CATEGORY, JfrBridge.BUILT_IN_CONFIG})
@StackTrace(false)
final class EventsDroppedEvent extends Event {
    /** The event type name. */
    static final String NAME = EventNames.ROOT + "." + JfrBridge.BUILT_IN_CONFIG + ".events_dropped";

    @Label("Family")
    @Description("The metric family, as exposed to Prometheus")
    String family;

    @Label("Event Type")
    @Description("The event type whose events were dropped")
    String eventType;

    @Label("Dropped")
    @Description("Events not recorded in this period")
    long dropped;
}
