/**
 * What operators need: MicroProfile Health checks (readiness: database and configuration, never a call to
 * Resonite; liveness: the JVM only) and the flow's metrics through the portable MicroProfile Metrics API.
 * Out of scope: dashboards and alert rules, which belong to the operator's monitoring.
 */
package dev.resonitelink.ops;
