package dev.resonitelink.idp;

import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The provider's people, from {@code --idp.users=name:password:group|group:Display Name:e-mail;…} (tests give each run
 * its own names, so rows of earlier runs in a shared database never get in the way).
 */
@Component
public class Users {

    /** One person: sign-in name (the id_token's {@code sub}), password, groups, display name, e-mail. */
    public record Person(String name, String password, List<String> groups, String displayName, String email) {
    }

    private final List<Person> people;

    public Users(@Value("${idp.users}") String spec) {
        people = Arrays.stream(spec.split(";")).map(String::trim).filter(s -> !s.isEmpty()).map(entry -> {
            String[] f = entry.split(":", 5);
            if (f.length != 5) {
                throw new IllegalArgumentException("idp.users entry needs name:password:groups:display:email, got " + entry);
            }
            return new Person(f[0], f[1], TestIdentityProvider.split(f[2].replace('|', ',')), f[3], f[4]);
        }).toList();
    }

    public List<Person> all() {
        return people;
    }

    public Person byName(String name) {
        return people.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
    }
}
