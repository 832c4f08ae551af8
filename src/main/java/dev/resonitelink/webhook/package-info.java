/**
 * Webhooks: other services hear about links, registrations, first admissions and deleted users as they happen,
 * signed in the Standard Webhooks format. A change publishes its event to the {@code Outbox} in its own transaction;
 * the {@code WebhookDispatcher} on every node claims due attempts one by one in the database (exactly one node sends
 * each), delivers each user's events to an endpoint in order, retries with growing waits and jitter for about a day,
 * and disables endpoints that keep failing. {@code WebhookEndpoints} holds the endpoints organizers register (their
 * pages and API are the organizer feature's). {@code control}: where webhooks may go ({@code TargetPolicy}), the
 * signatures ({@code WebhookSignatures}, the Standard Webhooks library), one HTTP attempt ({@code WebhookSender}).
 */
package dev.resonitelink.webhook;
