/**
 * What operators need: MicroProfile Health checks (readiness: database and configuration, never a call to
 * Resonite; liveness: the JVM only), the flow's metrics through the portable MicroProfile Metrics API, and a log
 * with a bounded rate for noise anybody can send. Uses no feature. Out of scope: dashboards and alert rules, which
 * belong to the operator's monitoring.
 */
package dev.resonitelink.ops;
