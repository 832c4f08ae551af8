package dev.resonitelink.web;

import java.io.Serializable;

/**
 * The part of a browser session that keeps the flows it has in flight. The web layer adapts its HTTP session to
 * it, so the rules about pending requests stay free of the servlet API and are unit-tested with a map.
 */
public interface FlowSession {

    /** A stable id of the session, used only to pick a lock. */
    String id();

    Object get(String name);

    /** Stores a value; on a distributable session only what is put here again reaches the other nodes. */
    void put(String name, Serializable value);

    void remove(String name);
}
