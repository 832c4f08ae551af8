package dev.resonitelink.web;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;

/** The HTTP session as the place where the flows of a browser keep their pending requests. */
public record HttpFlowSession(HttpSession session) implements FlowSession {

    /** The request's session, or null when it has none (a callback without a session finds no pending request). */
    public static HttpFlowSession of(HttpSession session) {
        return session == null ? null : new HttpFlowSession(session);
    }

    @Override
    public String id() {
        return session.getId();
    }

    @Override
    public Object get(String name) {
        return session.getAttribute(name);
    }

    @Override
    public void put(String name, Serializable value) {
        session.setAttribute(name, value);
    }

    @Override
    public void remove(String name) {
        session.removeAttribute(name);
    }
}
