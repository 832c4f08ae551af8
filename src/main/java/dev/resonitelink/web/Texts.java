package dev.resonitelink.web;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words of the pages in one language: the message bundle {@code dev/resonitelink/messages_<language>.properties}
 * (English, the default, is {@code messages.properties}). Each value is a {@link MessageFormat} pattern: {@code {0}}
 * is the first argument, numbers come out in the language's format, and an apostrophe is written {@code ''}.
 * Adding a language is adding its file: {@link #LANGUAGES} finds every bundle there is.
 */
public final class Texts {

    static final String BUNDLE = "dev.resonitelink.messages";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The languages the site speaks: English first (the default), then every other bundle, by language code. */
    public static final List<Locale> LANGUAGES = discover();

    private static final Map<Locale, Texts> BY_LANGUAGE = new ConcurrentHashMap<>();

    private final Locale locale;
    private final ResourceBundle bundle;
    private final Map<String, java.time.format.DateTimeFormatter> dateFormats = new ConcurrentHashMap<>();

    private Texts(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Texts.class.getClassLoader(), NO_FALLBACK);
    }

    /** The words in {@code language}, one of {@link #LANGUAGES}. */
    public static Texts of(Locale language) {
        return BY_LANGUAGE.computeIfAbsent(language, Texts::new);
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key} with its arguments; the key itself when the bundle lacks it (the tests see to that). */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0 && pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) {
            return pattern; // most words have no argument and nothing to unquote: no MessageFormat to parse
        }
        Object[] filled = args;
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Text inner) { // words inside words, e.g. a reason and its error id
                filled = filled == args ? args.clone() : filled;
                filled[i] = get(inner);
            }
        }
        return new MessageFormat(pattern, locale).format(filled);
    }

    /** A date and time format of the bundle ({@code format.*}: DateTimeFormatter patterns), in this language. */
    public java.time.format.DateTimeFormatter dateFormat(String key) {
        return dateFormats.computeIfAbsent(key, k -> java.time.format.DateTimeFormatter.ofPattern(bundle.getString(k), locale));
    }

    public String get(Text text) {
        return get(text.key(), text.args());
    }

    private static List<Locale> discover() {
        List<Locale> found = new ArrayList<>();
        found.add(Locale.ENGLISH);
        for (String code : java.util.Arrays.stream(Locale.getISOLanguages()).sorted().toList()) {
            Locale candidate = Locale.forLanguageTag(code);
            if (candidate.equals(Locale.ENGLISH)) {
                continue;
            }
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, candidate, Texts.class.getClassLoader(), NO_FALLBACK);
                if (bundle.getLocale().getLanguage().equals(code)) {
                    found.add(candidate);
                }
            } catch (MissingResourceException e) {
                // no bundle at all: the build is broken, and every page says its keys
            }
        }
        return List.copyOf(found);
    }
}
