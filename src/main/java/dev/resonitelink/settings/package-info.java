/**
 * The typed configuration: every key and default once ({@code Setting}), read into one grouped model
 * ({@code Settings}: client, endpoints, limits, tokens, organizers, jobs) by the only class that reads MicroProfile
 * Config ({@code SettingsProducer}), every bad key reported together at startup. Uses no feature.
 */
package dev.resonitelink.settings;
