package dev.resonitelink.settings;

import java.util.List;

/** The configuration was unusable; the message names every bad key (never a secret's value). */
public class InvalidSettingsException extends RuntimeException {

    private final List<String> problems;

    InvalidSettingsException(List<String> problems) {
        super("resonite-link configuration is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
