package dev.resonitelink.oauth.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReturnTargetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/account", "/events/42", "/events/42?tab=attendees&x=1", "/caf%C3%A9"})
    void applicationPathsAreAccepted(String target) {
        assertThat(ReturnTargets.safe(target)).contains(target);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "//evil.example", "//evil.example/path", "https://evil.example", "http://evil.example/x",
            "/\\evil.example", "\\\\evil.example", "/\\/evil.example", "evil.example", "javascript:alert(1)",
            "%2F%2Fevil.example", "/%2F/evil.example", "/%2fevil.example", "%2f%2fevil.example",
            "/%5Cevil.example", "/%255Cevil.example", "/%252F%252Fevil.example", "/%25252F%25252F%25252Fevil",
            "/ok%0d%0aSet-Cookie:x=y", "/a%20b", "/ok\r\nLocation: https://evil.example", "/ok\nx", "/ok%00", "/a b",
            "/../admin", "/a/../../x", "/%2e%2e/admin", "/./x", "/#//evil.example", "/%09/evil.example",
            "/\u2028evil", "/%E2%80%A8evil"})
    void everythingElseIsRefused(String target) {
        assertThat(ReturnTargets.safe(target)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {257, 5000})
    void overlongTargetsAreRefused(int length) {
        assertThat(ReturnTargets.safe("/" + "a".repeat(length - 1))).isEmpty();
    }
}
