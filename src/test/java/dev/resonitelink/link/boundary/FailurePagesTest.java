package dev.resonitelink.link.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.oauth.entity.LinkFailure;
import dev.resonitelink.web.Texts;
import java.util.Locale;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailurePagesTest {

    @ParameterizedTest
    @EnumSource(LinkFailure.class)
    void everyFailureHasATitleAnExplanationAndANextStepInEveryLanguage(LinkFailure failure) {
        for (Locale language : Texts.LANGUAGES) {
            for (String part : new String[]{"title", "explanation", "nextStep"}) {
                String key = "failure." + failure + "." + part;
                assertThat(FailurePages.text(Texts.of(language), failure, part)).as(language + " " + key)
                        .isNotBlank().isNotEqualTo(key);
            }
        }
    }

    @Test
    void noTwoFailuresShareATitleInAnyLanguage() {
        for (Locale language : Texts.LANGUAGES) {
            assertThat(EnumSet.allOf(LinkFailure.class).stream().map(f -> FailurePages.text(Texts.of(language), f, "title"))
                    .collect(Collectors.toSet())).as(language.toString()).hasSize(LinkFailure.values().length);
        }
    }

    @ParameterizedTest
    @EnumSource(value = LinkFailure.class, names = {"PROVIDER_ERROR", "PROVIDER_FAILED", "PROVIDER_UNAVAILABLE",
            "CLIENT_REJECTED", "CODE_REJECTED", "PROFILE_UNAVAILABLE", "ID_TOKEN_INVALID", "ID_TOKEN_SUBJECT_MISMATCH"})
    void whateverResoniteDoesWrongIsA424NeverA5xx(LinkFailure failure) {
        assertThat(FailurePages.status(failure)).isEqualTo(424);
    }

    @Test
    void onlyOurOwnDatabaseBeingDownIsA5xxAndDecliningIsNoError() {
        assertThat(EnumSet.allOf(LinkFailure.class).stream().filter(f -> FailurePages.status(f) >= 500))
                .containsExactly(LinkFailure.STORAGE_UNAVAILABLE);
        assertThat(FailurePages.status(LinkFailure.DECLINED)).isEqualTo(200);
        assertThat(FailurePages.status(LinkFailure.WRONG_USER)).isEqualTo(403);
    }
}
