package org.roundtable.audit.it;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.cli.VerifyLedger;
import org.roundtable.testsupport.ApiClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The NDJSON export, checked offline by the command-line verifier with only the files an auditor downloads. */
class ExportIT extends AuditIntegrationTest {

    @TempDir
    Path directory;

    private HttpResponse<Path> download(String path, Path file) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + auditor()).build(), HttpResponse.BodyHandlers.ofFile(file));
    }

    private String verifyOffline(Path ledger, Path checkpoint, Path key, int expectedExit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream printer = new PrintStream(out, true, StandardCharsets.UTF_8);
        int exit = VerifyLedger.run(new String[]{"--key", key.toString(), "--ledger", ledger.toString(), "--checkpoint", checkpoint.toString()},
                printer, printer);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(printed).isEqualTo(expectedExit);
        return printed;
    }

    @Test
    void anExportedLedgerVerifiesOfflineAgainstTheSignedCheckpointAndATamperedCopyDoesNot() throws Exception {
        publishJourney();
        ApiClient.Response signed = api().post("/api/audit/checkpoints", auditor(), null);
        expect(201, signed);
        long size = signed.body().get("treeSize").asLong();
        Path checkpoint = Files.writeString(directory.resolve("checkpoint.txt"), api().get("/api/audit/log/checkpoints/" + size, null).body().asText());
        Path key = Files.writeString(directory.resolve("log.vkey"), api().get("/api/audit/log/key", null).body().get("vkey").asText());
        Path ledger = directory.resolve("export.ndjson");
        HttpResponse<Path> exported = download("/api/audit/export", ledger);
        assertThat(exported.statusCode()).isEqualTo(200);
        assertThat(exported.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");

        List<String> lines = Files.readAllLines(ledger, StandardCharsets.UTF_8);
        assertThat(lines).hasSizeGreaterThanOrEqualTo(6);
        assertThat(LedgerEntry.fromJsonLine(lines.get(lines.size() - 1)).position()).isEqualTo(lines.size());
        assertThat(verifyOffline(ledger, checkpoint, key, VerifyLedger.OK)).startsWith("OK " + size + " entries verified");

        List<String> tampered = new ArrayList<>(lines);
        int victim = lines.size() / 2;
        LedgerEntry original = LedgerEntry.fromJsonLine(lines.get(victim));
        tampered.set(victim, lines.get(victim).replace("\"subject\":\"", "\"subject\":\"x"));
        assertThat(tampered.get(victim)).isNotEqualTo(lines.get(victim));
        Path forged = Files.write(directory.resolve("forged.ndjson"), tampered, StandardCharsets.UTF_8);
        assertThat(verifyOffline(forged, checkpoint, key, VerifyLedger.MISMATCH))
                .startsWith("MISMATCH position " + original.position() + " (event " + original.record().eventId() + ")");
    }

    @Test
    void aRangeExportsExactlyThosePositionsAndABadRangeIsRefusedNamingTheField() throws Exception {
        publishJourney();
        Path range = directory.resolve("range.ndjson");
        assertThat(download("/api/audit/export?fromPosition=2&toPosition=4", range).statusCode()).isEqualTo(200);
        assertThat(Files.readAllLines(range).stream().map(line -> LedgerEntry.fromJsonLine(line).position()).toList())
                .containsExactly(2L, 3L, 4L);

        ApiClient.Response zero = api().get("/api/audit/export?fromPosition=0", auditor());
        expect(400, zero);
        assertThat(zero.firstInvalidField()).isEqualTo("fromPosition");
        ApiClient.Response backwards = api().get("/api/audit/export?fromPosition=5&toPosition=3", auditor());
        expect(400, backwards);
        assertThat(backwards.firstInvalidField()).isEqualTo("toPosition");
    }
}
