package dev.resonitelink.it;

import java.net.URL;

/** The organizer account of the integration tests ({@code resonite-link.organizers=it-organizer} in arquillian.xml). */
final class Organizers {

    static final String NAME = "it-organizer";

    /** Signs the organizer in, signing up first when this deployment does not know the account yet. */
    static Site signedIn(URL base) {
        Site site = Site.anonymous(base);
        if (!site.signUpIfFree(NAME)) {
            site.useAccount(NAME);
        }
        site.signIn();
        return site;
    }

    private Organizers() {
    }
}
