package dev.resonitelink.web;

import java.util.Arrays;

/**
 * Words for a person, not yet in a language: a key of the message bundles ({@code src/main/resources/dev/resonitelink/
 * messages*.properties}) and its arguments. Code that decides what to say (a form's problems, a failure) makes one;
 * the page says it in the reader's language ({@link View#t(Text)}).
 */
public record Text(String key, Object... args) {

    public static Text of(String key, Object... args) {
        return new Text(key, args);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Text text && key.equals(text.key) && Arrays.equals(args, text.args);
    }

    @Override
    public int hashCode() {
        return 31 * key.hashCode() + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return key + Arrays.toString(args);
    }
}
