package dev.resonitelink.link.entity;

/** How a successful link write ended: a new link, the same Resonite account refreshed, or another one replacing it. */
public enum LinkOutcome { LINKED, REFRESHED, REPLACED }
