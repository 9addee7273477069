package org.roundtable.audit.verifier;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Export lines verified from their bytes come to exactly what the same lines read the general way come to: the same
 * discrepancy, the same refusal with the same reason, the same counts; whether the line is as the ledger writes it,
 * spelled another valid way, or broken.
 */
class ExportLineBytesTest {

    private final SampleLedger ledger = withTextBeyondAscii(new SampleLedger(40));
    private final List<String> lines = ledger.entries.stream().map(LedgerEntry::toJsonLine).toList();

    /** Two entries whose texts need every kind of UTF-8 sequence, and escapes in their stored JSON. */
    private static SampleLedger withTextBeyondAscii(SampleLedger ledger) {
        ChainId chain = new ChainId("roundtable.participation", 0);
        for (String text : List.of("Gärten für alle – 🌱 «ça pousse»", "tab\there, \"quoted\", back\\slash, ctrl \u0001 and \u2028")) {
            LedgerRecord record = new LedgerRecord(chain.topic(), chain.partition(), 7L * ledger.entries.size(), "event-ü-" + ledger.entries.size(),
                    "participation", "org.roundtable.participation.EndorsementGiven.v1", "EndorsementGiven", "proposal-ß",
                    "citizen-1", "CITIZEN", "Zoë", null, null, null, Instant.parse("2026-02-03T04:05:06.123456Z"),
                    "[[\"ce_id\",\"x\"]]", Json.write(java.util.Map.of("reason", text)));
            ledger.entries.add(ledger.chains.computeIfAbsent(chain, Chain::new).append(record, ledger.entries.size() + 1,
                    Instant.parse("2026-02-03T04:05:07Z")));
        }
        return ledger;
    }

    @Test
    void linesAsTheLedgerWritesThemAreVerifiedStraightFromTheirBytes() {
        LedgerVerifier verifier = LedgerVerifier.against(List.of(ledger.checkpoint()), ledger.logKey());

        for (String line : lines) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(verifier.accept(bytes, 0, bytes.length)).isTrue();
        }

        assertThat(verifier.finish()).isNull();
        assertThat(verifier.entriesVerified()).isEqualTo(42);
        assertThat(verifier.linesReadFromBytes()).isEqualTo(42);
    }

    @Test
    void anotherValidSpellingOfTheSameTextVerifiesAlike() {
        List<UnaryOperator<String>> respellings = List.of(
                line -> line.replace("\"subject\":\"proposal-", "\"subject\":\"\\u0070roposal\\u002d"),
                line -> line.replace("org.roundtable.", "org\\u002eroundtable."),
                line -> line.replace("\"headers\":\"[[", "\"headers\":\"\\u005b\\u005B"),
                line -> line.replace("Zo\u00eb", "Zo\\u00eb"),
                line -> line.replace("\"actorId\":", " \"actorId\" : "),
                line -> line.replace("{\"actorId\"", "{\"zzz\":[1,{\"a\":null}],\"actorId\"")
        );
        for (UnaryOperator<String> respelling : respellings) {
            assertSameOutcome(lines.stream().map(respelling).toList());
        }
    }

    @Test
    void everyRefusalOfTheGeneralReaderIsMadeFromBytesWithTheSameReason() {
        List<UnaryOperator<String>> breakages = List.of(
                line -> line.replace("\"partition\":0", "\"partition\":4294967296"),
                line -> line.replace("\"partition\":0", "\"partition\":0.0"),
                line -> line.replace("\"partition\":0", "\"partition\":-0"),
                line -> line.replace("\"partition\":0", "\"partition\":\"0\""),
                line -> line.replace("\"offset\":2,", "\"offset\":02,"),
                line -> line.replace("\"offset\":2,", "\"offset\":2e0,"),
                line -> line.replace("\"sequence\":3,", "\"sequence\":99999999999999999999,"),
                line -> line.replace("\"position\":4,", "\"position\":4.5,"),
                line -> line.replace("Z\",\"offset\"", "+00:00\",\"offset\""),
                line -> line.replace("Z\",\"sequence\"", ".000Z\",\"sequence\""),
                line -> line.replace(".123456Z\"", ".123456789Z\""),
                line -> line.replace("\"subject\":\"proposal-", "\"subject\":\"\\ud800proposal-"),
                line -> line.replace("\"subject\":\"proposal-", "\"subject\":\"\\ud83d\\ude00proposal-"),
                line -> line.replace("\"subject\":\"proposal-", "\"subject\":\"\\u00e9proposal-"),
                line -> line.replace("\"subject\":\"proposal-", "\"subject\":\"\\u+0e9proposal-"),
                line -> line.replace("\"subject\":\"proposal-", "\"subject\":\"\\x"),
                line -> line.replace("\"subject\":\"proposal-", "\"subject\":null,\"x\":\""),
                line -> line.replace("\"type\":", "\"type\":\"a\",\"type\":"),
                line -> line.replace("\"eventName\":\"ProposalDrafted\",", ""),
                line -> line.replace("\"actorName\":null", "\"actorName\":true"),
                line -> upperCase(line, "hash"),
                line -> upperCase(line, "previousHash"),
                line -> line.replaceFirst("\"previousHash\":\"0{64}", "\"previousHash\":\"" + "0".repeat(63)),
                line -> line + " ",
                line -> line + "x",
                line -> "\ufeff" + line,
                line -> line.substring(0, line.length() - 1),
                line -> line.replace("Zo\u00eb", "Zo\u0001")
        );
        for (UnaryOperator<String> breakage : breakages) {
            for (int victim : new int[] {0, 3, 40, 41}) {
                List<String> broken = new ArrayList<>(lines);
                broken.set(victim, breakage.apply(lines.get(victim)));
                assertSameOutcome(broken);
            }
        }
    }

    @Test
    void anOccurrenceTimeMorePreciseThanTheLedgerKeepsIsRefusedNotTruncated() {
        String nanos = lines.get(40).replace(".123456Z\"", ".123456789Z\"");
        assertThat(nanos).isNotEqualTo(lines.get(40));
        byte[] bytes = nanos.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> LedgerVerifier.against(List.of(ledger.checkpoint()), ledger.logKey()).accept(bytes, 0, bytes.length))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'occurredAt' is more precise than the microseconds");
    }

    @Test
    void anyByteChangedOrRemovedComesToTheSameOutcomeBothWays() {
        Random random = new Random(6962);
        byte[] replacements = {'"', '\\', 'u', '0', 'a', 'F', ' ', '}', ',', ':', '.', '-', 'e', 0x1f, (byte) 0x80, (byte) 0xc3,
                (byte) 0xe2, (byte) 0xed, (byte) 0xf0, (byte) 0xff};
        int refused = 0;
        int mismatched = 0;
        for (int round = 0; round < 1_000; round++) {
            List<byte[]> broken = new ArrayList<>(lines.stream().map(line -> line.getBytes(StandardCharsets.UTF_8)).toList());
            int victim = random.nextInt(broken.size());
            byte[] line = broken.get(victim);
            int at = random.nextInt(line.length);
            if (random.nextInt(4) == 0) {
                byte[] shorter = new byte[line.length - 1];
                System.arraycopy(line, 0, shorter, 0, at);
                System.arraycopy(line, at + 1, shorter, at, line.length - at - 1);
                broken.set(victim, shorter);
            } else {
                line[at] = replacements[random.nextInt(replacements.length)];
            }
            String outcome = assertSameOutcomeOfBytes(broken);
            refused += outcome.startsWith("refused") ? 1 : 0;
            mismatched += outcome.startsWith("mismatch") ? 1 : 0;
        }
        assertThat(refused).as("lines refused as unreadable").isGreaterThan(100);
        assertThat(mismatched).as("lines read but found not to match").isGreaterThan(100);
    }

    private static String upperCase(String line, String hashField) {
        return Pattern.compile("\"" + hashField + "\":\"([0-9a-f]{64})\"").matcher(line)
                .replaceFirst(hash -> "\"" + hashField + "\":\"" + hash.group(1).toUpperCase() + "\"");
    }

    private void assertSameOutcome(List<String> lines) {
        assertSameOutcomeOfBytes(lines.stream().map(line -> line.getBytes(StandardCharsets.UTF_8)).toList());
    }

    private String assertSameOutcomeOfBytes(List<byte[]> lines) {
        String fromBytes = outcome(lines, true);
        String general = outcome(lines, false);
        assertThat(fromBytes).as("verified from bytes, against the general reader").isEqualTo(general);
        return general;
    }

    private String outcome(List<byte[]> lines, boolean fromBytes) {
        LedgerVerifier verifier = LedgerVerifier.against(List.of(ledger.checkpoint()), ledger.logKey());
        for (byte[] line : lines) {
            try {
                boolean more = fromBytes ? verifier.accept(line, 0, line.length) : verifier.accept(LedgerEntry.fromJsonLine(utf8(line)));
                if (!more) {
                    break;
                }
            } catch (IllegalArgumentException unreadable) {
                return "refused: " + unreadable.getMessage();
            }
        }
        Discrepancy discrepancy = verifier.finish();
        return (discrepancy == null ? "verified " : "mismatch " + discrepancy + " ") + verifier.entriesVerified() + " + " + verifier.entriesBeyond();
    }

    private static String utf8(byte[] line) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new LedgerVerifier.NotUtf8Exception();
        }
    }
}
