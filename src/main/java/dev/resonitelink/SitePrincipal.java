package dev.resonitelink;

import java.io.Serializable;

/**
 * A signed-in user of this site, by the container's principal name: a local account's user name, or the site
 * provider's principal claim (an opaque id). The key of a user's link, registrations and audit entries; never shown
 * to people where a name is meant (that is the display name).
 */
public record SitePrincipal(String name) implements Serializable {

    /** @throws IllegalArgumentException when {@code name} is null or blank */
    public SitePrincipal {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a principal has a name");
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
