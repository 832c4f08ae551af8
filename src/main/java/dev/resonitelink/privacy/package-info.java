/**
 * Users' data rights: deleting an account ({@code UserErasure}, by the user on {@code /account/delete} or by an
 * organizer on {@code /organizer/users/delete}, after re-authentication), exporting everything stored about oneself
 * ({@code DataExport}: {@code /account/export} and {@code /api/me/export}), and the retention job that removes what
 * is kept past its time ({@code Retention}). Each feature erases its own rows (the events' {@code AttendeeErasure},
 * {@code SiteUsers}, {@code AccountLinks}, the audit trail's pseudonyms); this package decides the order and holds
 * them in one transaction. docs/privacy.md is the user-facing description.
 */
package dev.resonitelink.privacy;
