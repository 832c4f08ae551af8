package dev.resonitelink.oauth.control;

import jakarta.servlet.http.HttpSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An in-memory HttpSession that, like a distributable session, keeps only what was set through setAttribute,
 * as a serialized copy: a change to an object after setAttribute is lost, exactly as on another cluster node.
 */
final class FakeSession {

    static HttpSession create() {
        Map<String, byte[]> attributes = new HashMap<>();
        String id = UUID.randomUUID().toString();
        return (HttpSession) Proxy.newProxyInstance(FakeSession.class.getClassLoader(), new Class<?>[]{HttpSession.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "getAttribute" -> attributes.containsKey((String) args[0]) ? read(attributes.get((String) args[0])) : null;
                    case "setAttribute" -> {
                        attributes.put((String) args[0], write((Serializable) args[1]));
                        yield null;
                    }
                    case "removeAttribute" -> {
                        attributes.remove((String) args[0]);
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
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

    private FakeSession() {
    }
}
