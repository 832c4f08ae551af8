package dev.resonitelink.oauth.control;

import dev.resonitelink.web.FlowSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An in-memory session that, like a distributable session, keeps only what was set through put,
 * as a serialized copy: a change to an object after put is lost, exactly as on another cluster node.
 */
public final class FakeSession implements FlowSession {

    private final Map<String, byte[]> attributes = new HashMap<>();
    private final String id = UUID.randomUUID().toString();

    public static FakeSession create() {
        return new FakeSession();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Object get(String name) {
        try {
            return attributes.containsKey(name) ? read(attributes.get(name)) : null;
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void put(String name, Serializable value) {
        try {
            attributes.put(name, write(value));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void remove(String name) {
        attributes.remove(name);
    }

    private static byte[] write(Serializable value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        return bytes.toByteArray();
    }

    private static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            return in.readObject();
        }
    }

    /** The names of the attributes set (and not removed). */
    public java.util.Set<String> names() {
        return java.util.Set.copyOf(attributes.keySet());
    }

    private FakeSession() {
    }
}
