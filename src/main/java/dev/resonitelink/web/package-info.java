/**
 * Web plumbing shared by every page: CSRF synchronizer tokens, security headers, the session cookie, page rendering.
 */
package dev.resonitelink.web;
