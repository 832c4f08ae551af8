package dev.resonitelink.privacy.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.resonitelink.SitePrincipal;
import dev.resonitelink.testing.TestDatabase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The data export against the database's own list of tables and columns (H2 with the WAR's migrations): every column
 * of every table is exported or withheld on purpose, every exported column reaches the document with its value, no
 * secret does, and docs/privacy.md describes every field.
 */
class DataExportTest {

    private TestDatabase db;
    private DataExport export;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        export = new DataExport();
        export.em = db.entityManager();
        export.clock = Clock.fixed(UserErasureTest.NOW, ZoneOffset.UTC);
        UserErasureTest.seed(db);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private Map<String, Set<String>> schema() {
        Map<String, Set<String>> columns = new TreeMap<>();
        for (List<String> row : db.query("select lower(table_name), lower(column_name) from information_schema.columns"
                + " where table_schema = 'PUBLIC'")) {
            columns.computeIfAbsent(row.get(0), table -> new TreeSet<>()).add(row.get(1));
        }
        return columns;
    }

    @Test
    void everyTableIsEitherExportedOrNamesNoUserAndEveryColumnOfAnExportedOneIsExportedOrWithheldOnPurpose() {
        Map<String, Set<String>> schema = schema();
        Set<String> declared = new HashSet<>(DataExport.TABLES_NOT_EXPORTED.keySet());
        DataExport.PARTS.forEach(part -> declared.add(part.table()));
        assertThat(declared).containsExactlyInAnyOrderElementsOf(schema.keySet());
        for (DataExport.Part part : DataExport.PARTS) {
            Set<String> decided = new TreeSet<>(part.exported());
            decided.addAll(part.withheld().keySet());
            assertThat(decided).as("columns of " + part.table() + " exported or withheld")
                    .isEqualTo(schema.get(part.table()));
            assertThat(decided).as(part.table() + ": the column that names the user").containsAll(part.userColumns());
            assertThat(part.computed().keySet()).as("computed fields stand for withheld columns")
                    .allSatisfy(field -> assertThat(part.withheld().values().toString()).contains(field));
        }
    }

    @Test
    void everyExportedColumnReachesTheDocumentWithItsValue() {
        JsonObject document = db.inTransaction(() -> export.of(new SitePrincipal(UserErasureTest.ADA)));

        JsonObject account = document.getJsonObject("account");
        assertThat(account.getString("username")).isEqualTo(UserErasureTest.ADA);
        assertThat(account.getString("displayName")).isEqualTo("Ada Erase");
        assertThat(account.getString("email")).isEqualTo("ada-erase@example.org");
        assertThat(account.getString("createdAt")).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(account.getBoolean("passwordSet")).isTrue();
        assertThat(account.getJsonArray("groups").getValuesAs(jakarta.json.JsonString::getString))
                .containsExactly("organizer", "user");
        JsonObject link = document.getJsonObject("link");
        assertThat(link.getString("resoniteId")).isEqualTo(UserErasureTest.ADA_ID);
        assertThat(link.getInt("patreonTierCents")).isEqualTo(600);
        assertThat(link.getBoolean("refreshTokenStored")).isTrue();
        assertThat(link.getJsonArray("scopes")).hasSize(4);
        assertThat(document.getJsonArray("registrations")).hasSize(3);
        JsonObject over = document.getJsonArray("registrations").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getString("eventId").equals("evover0000000002")).findFirst().orElseThrow();
        assertThat(over.getString("eventTitle")).isEqualTo("Event evover0000000002");
        assertThat(over.getJsonArray("history")).as("the organizer's removal of her place").hasSize(1);
        assertThat(document.getJsonArray("ticketsRedeemed")).hasSize(1);
        assertThat(document.getJsonArray("eventsCreated")).hasSize(1);
        assertThat(document.getJsonArray("invitations")).hasSize(1);
        assertThat(document.getJsonObject("signInThrottle").getInt("failures")).isEqualTo(2);
        assertThat(document.getJsonArray("auditEntries")).as("about her, and what she did to others").hasSize(3);

        for (DataExport.Part part : DataExport.PARTS) {
            JsonValue value = part.name().equals("groups") ? null : document.get(part.name());
            if (value == null) {
                continue; // groups: folded into account.groups, checked above
            }
            JsonObject first = value.getValueType() == JsonValue.ValueType.ARRAY
                    ? value.asJsonArray().getJsonObject(0) : value.asJsonObject();
            for (String column : part.exported()) {
                assertThat(first.containsKey(DataExport.field(column))).as(part.name() + "." + DataExport.field(column))
                        .isTrue();
            }
        }
    }

    @Test
    void noSecretReachesTheDocument() {
        String text = AccountExportServlet.pretty(db.inTransaction(() -> export.of(new SitePrincipal(UserErasureTest.ADA))));
        assertThat(text).doesNotContain("PBKDF2").doesNotContain("sealed-refresh-token-value").doesNotContain("ab12").doesNotContain("whsec_")
                .doesNotContain("passwordHash").doesNotContain("\"refreshToken\"").doesNotContain("codeHash");
    }

    @Test
    void someoneWithNothingStoredGetsAnEmptyDocumentNotAnError() {
        JsonObject document = db.inTransaction(() -> export.of(new SitePrincipal("nobody")));
        assertThat(document.get("account")).isEqualTo(JsonValue.NULL);
        assertThat(document.get("link")).isEqualTo(JsonValue.NULL);
        assertThat(document.getJsonArray("registrations")).isEmpty();
        assertThat(document.getString("format")).isEqualTo(DataExport.FORMAT);
    }

    @Test
    void docsPrivacyDescribesEveryFieldOfTheExport() throws IOException {
        String docs = Files.readString(Path.of("docs/privacy.md"));
        Set<String> fields = DataExport.PARTS.stream().flatMap(part -> java.util.stream.Stream.concat(
                        part.exported().stream().map(DataExport::field), part.computed().keySet().stream())
                        .map(field -> part.name() + "." + field))
                .collect(Collectors.toCollection(TreeSet::new));
        fields.addAll(List.of("account.groups", "registrations.eventTitle", "registrations.history"));
        fields.removeIf(field -> field.startsWith("groups."));
        assertThat(fields).allSatisfy(field -> assertThat(docs).as("docs/privacy.md describes " + field)
                .contains("`" + field + "`"));
    }
}
