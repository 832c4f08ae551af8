package dev.resonitelink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchPatternsTest {

    @Test
    void wildcardsTypedByAPersonAreTakenLiterally() {
        assertThat(SearchPatterns.contains(" Ada ")).isEqualTo("%ada%");
        assertThat(SearchPatterns.contains("50%_off\\x")).isEqualTo("%50\\%\\_off\\\\x%");
        assertThat(SearchPatterns.contains(null)).isEqualTo("%%");
    }

    @Test
    void overlongQueriesAreCut() {
        assertThat(SearchPatterns.contains("a".repeat(500))).hasSize(SearchPatterns.MAX_QUERY_LENGTH + 2);
    }
}
