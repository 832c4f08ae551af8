/**
 * What organizers see: every local account with its Resonite link, searchable and paged, as a page, a CSV file and
 * a JSON API for other services; and who is an organizer.
 * <p>
 * Organizer rights are rows in the database, granted at startup to the existing accounts listed in
 * {@code resonite-link.organizers}, claimed once with the bootstrap code, or granted by another organizer; the
 * application checks them on every organizer request ({@code OrganizerAccessFilter}). The registrants list reads
 * the built-in local accounts ({@code account}): users of a deployment's own SSO appear once they have an account
 * row. The API also accepts a configured bearer token for service-to-service calls; it is never public.
 */
package dev.resonitelink.organizer;
