package dev.resonitelink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** One shape of Resonite user id for the profile, the admission check and invite lists (they had three). */
class ResoniteUserIdTest {

    @Test
    void theShapesResoniteGivesAreAccepted() {
        for (String id : new String[] {"U-Ada-Lovelace", "U-minimal", "U-a.b_c-9", "U-" + "x".repeat(120)}) {
            assertThat(ResoniteUserId.parse(id)).as(id).hasValueSatisfying(parsed -> assertThat(parsed.value()).isEqualTo(id));
        }
    }

    @Test
    void anythingElseIsNotAnId() {
        for (String text : new String[] {null, "", "U-", "u-ada", "ada", "U-" + "x".repeat(121), "U-ad a", "U-adä",
                "U-ada/../x", "U-ada\n", "G-group"}) {
            assertThat(ResoniteUserId.valid(text)).as(String.valueOf(text)).isFalse();
            assertThat(ResoniteUserId.parse(text)).as(String.valueOf(text)).isEmpty();
        }
        assertThatThrownBy(() -> new ResoniteUserId("ada")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPrincipalAndASealedTokenAreNeverBlankOrNull() {
        assertThatThrownBy(() -> new SitePrincipal(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new dev.resonitelink.sealing.SealedToken(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new dev.resonitelink.sealing.SealedToken("v1:k:abc").toString()).doesNotContain("abc");
    }
}
