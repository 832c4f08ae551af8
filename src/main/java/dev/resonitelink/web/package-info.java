/**
 * Web plumbing shared by every page: CSRF synchronizer tokens, security headers, the session cookie, page rendering,
 * and the browser's session as the place a started OAuth or OpenID Connect flow waits for its callback
 * ({@code FlowSession}, the port the protocol code sees, and {@code HttpFlowSession}, its adapter over the servlet
 * session).
 */
package dev.resonitelink.web;
