package dev.resonitelink.ops.control;

import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MicroProfile Metrics side of {@link FlowMetrics}. Deliberately not a CDI bean (no bean-defining annotation),
 * so a server without the Metrics API never loads it. Metrics never break the work they measure: a registry that
 * cannot be resolved (outside a web request Payara cannot always resolve the application's registry) or a failing
 * update records nothing.
 */
final class MicroProfileMetrics {

    private static final String API = "org.eclipse.microprofile.metrics.MetricRegistry";

    static boolean available() {
        try {
            Class.forName(API, false, MicroProfileMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    void count(String name, String... tags) {
        try {
            MetricRegistry registry = registry();
            if (registry != null) {
                String id = tags.length == 0 ? name : name + '\u0000' + String.join("\u0000", tags);
                counters.computeIfAbsent(id, k -> registry.counter(name, tags(tags))).inc();
            }
        } catch (RuntimeException e) {
            // nothing recorded
        }
    }

    /** Sets a gauge's value (registered at its first value, then read from this node's last value). */
    void gauge(String name, long value) {
        java.util.concurrent.atomic.AtomicLong current = gauges.computeIfAbsent(name,
                k -> new java.util.concurrent.atomic.AtomicLong());
        current.set(value);
        if (registeredGauges.contains(name)) {
            return;
        }
        try {
            MetricRegistry registry = registry();
            if (registry != null) {
                registry.gauge(name, current, java.util.concurrent.atomic.AtomicLong::get);
                registeredGauges.add(name);
            }
        } catch (RuntimeException e) {
            // registered at a later value
        }
    }

    void time(String name, Duration took, String... tags) {
        try {
            MetricRegistry registry = registry();
            if (registry != null) {
                registry.timer(name, tags(tags)).update(took);
            }
        } catch (RuntimeException e) {
            // nothing recorded
        }
    }

    private final Instance<MetricRegistry> registries;
    /** The registry once resolved: resolving it at every count cost the admission check a sixth of its time. */
    private volatile MetricRegistry registry;
    /** The counters used so far, by name and tags: the registry's own lookup builds a metric id each time. */
    private final ConcurrentHashMap<String, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, java.util.concurrent.atomic.AtomicLong> gauges = new ConcurrentHashMap<>();
    private final java.util.Set<String> registeredGauges = ConcurrentHashMap.newKeySet();

    MicroProfileMetrics(Instance<Object> beans) {
        this.registries = beans.select(MetricRegistry.class);
    }

    /** Resolves the registry now, if it can be (nothing happens when it cannot). */
    void resolve() {
        try {
            registry();
        } catch (RuntimeException e) {
            // resolved at a later use
        }
    }

    private MetricRegistry registry() {
        MetricRegistry known = registry;
        if (known == null && registries.isResolvable()) {
            known = registries.get();
            registry = known;
        }
        return known;
    }

    private static Tag[] tags(String... namesAndValues) {
        Tag[] tags = new Tag[namesAndValues.length / 2];
        for (int i = 0; i < tags.length; i++) {
            tags[i] = new Tag(namesAndValues[2 * i], namesAndValues[2 * i + 1]);
        }
        return tags;
    }
}
