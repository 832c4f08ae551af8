package dev.resonitelink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.event.boundary.Registrations;
import dev.resonitelink.event.entity.Event;
import dev.resonitelink.event.entity.Registration;
import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.signin.entity.SiteSignInFailure;
import dev.resonitelink.web.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The keys pages build from a value ({@code "event.outcome." + outcome}) exist for every value, in every language:
 * a new outcome, status or reason without words would show its key.
 */
class MessageKeysTest {

    @Test
    void everyValueAPageNamesHasItsWordsInEveryLanguage() {
        Map<String, Enum<?>[]> families = Map.of(
                "event.outcome.", Registrations.Outcome.values(),
                "status.event.", Event.Status.values(),
                "status.registration.", Registration.Status.values(),
                "signin.error.", SiteSignInFailure.Reason.values(),
                "failure.", LinkFailure.values());
        List<String> missing = new ArrayList<>();
        for (Locale language : Texts.LANGUAGES) {
            families.forEach((prefix, values) -> {
                for (Enum<?> value : values) {
                    String key = prefix + value.name() + (prefix.equals("failure.") ? ".title" : "");
                    if (Texts.of(language).get(key).equals(key)) {
                        missing.add(language + " " + key);
                    }
                }
            });
            for (String ticket : List.of("unused", "redeemed", "voided")) {
                if (Texts.of(language).get("status.ticket." + ticket).equals("status.ticket." + ticket)) {
                    missing.add(language + " status.ticket." + ticket);
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
