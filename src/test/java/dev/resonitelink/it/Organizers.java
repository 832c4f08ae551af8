package dev.resonitelink.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;

/**
 * The organizer account of the integration tests: an ordinary sign-up that becomes the first organizer with the
 * one-time bootstrap code ({@code resonite-link.organizer-bootstrap-code} in the servers' test settings), as an
 * operator would make the first organizer.
 */
final class Organizers {

    static final String NAME = "it-organizer";
    static final String BOOTSTRAP_CODE = System.getProperty("it.organizer-code");

    /** Signs the organizer in, creating the account and claiming the rights when this deployment has none yet. */
    static Site signedIn(URL base) {
        Site site = Site.anonymous(base);
        if (!site.signUpIfFree(NAME)) {
            site.useAccount(NAME);
        }
        site.signIn();
        if (site.browser().get(site.at("organizer")).status() == 403) {
            Browser.Page claimed = claim(site, BOOTSTRAP_CODE);
            assertThat(claimed.status()).as(claimed.body()).isEqualTo(302);
        }
        return site;
    }

    /** Presents a bootstrap code on /organizer-claim. */
    static Browser.Page claim(Site site, String code) {
        Map<String, String> form = site.browser().get(site.at("organizer-claim")).form("form[action$=/organizer-claim]");
        form.put("code", code);
        return site.browser().post(site.at("organizer-claim"), form);
    }

    /** Grants or revokes another account's organizer rights on the registrants page. */
    static Browser.Page change(Site organizer, String username, String action) {
        Map<String, String> form = organizer.browser().get(organizer.at("organizer")).form("form[action$=/organizer/roles]");
        form.put("username", username);
        form.put("action", action);
        return organizer.browser().post(organizer.at("organizer/roles"), form);
    }

    private Organizers() {
    }
}
