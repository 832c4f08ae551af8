/**
 * What organizers see: every local user with their Resonite link, searchable and paged, as a page, a CSV file and a
 * JSON API for other services.
 * <p>
 * The {@code organizer} role comes from configuration ({@code resonite-link.organizers}) through an identity store
 * that only provides groups, so it works with the built-in sign-in and with a deployment's own SSO alike. The API
 * also accepts a configured bearer token for service-to-service calls; it is never public. Out of scope: granting the
 * role from the UI.
 */
package dev.resonitelink.organizer;
