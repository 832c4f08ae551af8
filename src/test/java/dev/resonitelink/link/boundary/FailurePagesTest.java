package dev.resonitelink.link.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.oauth.entity.LinkFailure;
import java.util.EnumSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FailurePagesTest {

    @ParameterizedTest
    @EnumSource(LinkFailure.class)
    void everyFailureHasATitleAnExplanationAndANextStep(LinkFailure failure) {
        for (String part : new String[]{"title", "explanation", "next-step"}) {
            assertThat(FailurePages.text(failure, part)).as(failure + "." + part).isNotBlank();
        }
    }

    @Test
    void noTwoFailuresShareATitle() {
        assertThat(EnumSet.allOf(LinkFailure.class).stream().map(f -> FailurePages.text(f, "title"))
                .collect(Collectors.toSet())).hasSize(LinkFailure.values().length);
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
