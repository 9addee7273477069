package org.roundtable.audit.verifier.cli;

import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.ConsistencyProof;
import org.roundtable.audit.verifier.Discrepancy;
import org.roundtable.audit.verifier.LedgerVerifier;
import org.roundtable.audit.verifier.NoteKey;
import org.roundtable.audit.verifier.Receipt;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline verifier, with no access to the service. The log's verifier key is pinned with {@code --key} (a file
 * holding the {@code vkey} the ledger publishes, checked out of band), optionally with {@code --key-id}; nothing signed
 * by another key is accepted. After a key rotation, give {@code --key} once for each key the log has signed with.
 * Three uses:
 *
 * <pre>
 * java -jar roundtable-audit-verifier-&lt;version&gt;-cli.jar --key log.vkey --ledger export.ndjson --checkpoint checkpoint.txt [--checkpoint ...]
 * java -jar ... --key log.vkey --receipt receipt.json [--consistency proof.json --checkpoint newer.txt]
 * java -jar ... --key log.vkey --consistency proof.json --checkpoint older.txt --checkpoint newer.txt
 * </pre>
 *
 * Prints {@code OK ...} and exits 0 when everything checked matches, saying plainly which entries lie beyond the
 * largest checkpoint and are therefore not verified; otherwise prints {@code MISMATCH} and the first thing that does
 * not match and exits 1. Wrong usage, unreadable files and input that is not in canonical form exit 2.
 */
public final class VerifyLedger {

    public static final int OK = 0;
    public static final int MISMATCH = 1;
    public static final int UNUSABLE = 2;

    private static final Set<String> OPTIONS = Set.of("key", "key-id", "ledger", "checkpoint", "receipt", "consistency");

    private VerifyLedger() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || !OPTIONS.contains(args[i].substring(2)) || i + 1 >= args.length) {
                return usage(err, "unexpected argument '" + args[i] + "'");
            }
            options.computeIfAbsent(args[i].substring(2), name -> new ArrayList<>()).add(args[++i]);
        }
        if (!options.containsKey("key")) {
            return usage(err, "--key is missing: the log's verifier key must be pinned");
        }
        List<NoteKey> keys = new ArrayList<>();
        List<Checkpoint> checkpoints = new ArrayList<>();
        try {
            for (String file : options.get("key")) {
                NoteKey pinned = NoteKey.parse(read(file).strip());
                if (pinned.type() != NoteKey.ED25519) {
                    throw new IllegalArgumentException("the key is not a log's Ed25519 note key");
                }
                keys.add(pinned);
            }
            if (options.containsKey("key-id") && keys.stream().noneMatch(pinned -> options.get("key-id").contains(pinned.keyIdHex()))) {
                throw new IllegalArgumentException("the key's id is " + keys.get(0).keyIdHex() + ", not the pinned " + options.get("key-id").get(0));
            }
            for (String file : options.getOrDefault("checkpoint", List.of())) {
                checkpoints.add(Checkpoint.parse(read(file)));
            }
        } catch (IOException | IllegalArgumentException unusable) {
            err.println("cannot use the key or a checkpoint: " + unusable.getMessage());
            return UNUSABLE;
        }
        try {
            if (options.containsKey("ledger")) {
                return ledger(Path.of(options.get("ledger").get(0)), checkpoints, keys, out, err);
            }
            if (options.containsKey("receipt")) {
                return receipt(Receipt.fromJsonText(read(options.get("receipt").get(0))), checkpoints, options, keys, out);
            }
            if (options.containsKey("consistency") && checkpoints.size() == 2) {
                return consistency(ConsistencyProof.fromJsonText(read(options.get("consistency").get(0))),
                        checkpoints.get(0), checkpoints.get(1), keys, out);
            }
        } catch (IOException | IllegalArgumentException unusable) {
            err.println("cannot read the input: " + unusable.getMessage());
            return UNUSABLE;
        }
        return usage(err, "give --ledger, --receipt, or --consistency with two --checkpoint");
    }

    private static int ledger(Path file, List<Checkpoint> checkpoints, List<NoteKey> keys, PrintStream out, PrintStream err) {
        if (checkpoints.isEmpty()) {
            return usage(err, "--checkpoint is missing: a ledger is verified against at least one signed checkpoint");
        }
        LedgerVerifier verifier = LedgerVerifier.against(checkpoints, keys);
        long line = 0;
        try (InputStream in = Files.newInputStream(file)) {
            ByteLines lines = new ByteLines(in);
            while (lines.next()) {
                line++;
                try {
                    if (!verifier.accept(lines.buffer(), lines.start(), lines.end())) {
                        break;
                    }
                } catch (LedgerVerifier.NotUtf8Exception notUtf8) {
                    out.println("MISMATCH line " + line + ": not UTF-8 text");
                    return MISMATCH;
                } catch (IllegalArgumentException unreadable) {
                    out.println("MISMATCH line " + line + ": not a ledger entry in canonical form: " + unreadable.getMessage());
                    return MISMATCH;
                }
            }
        } catch (IOException unreadable) {
            err.println("cannot read the ledger: " + unreadable.getMessage());
            return UNUSABLE;
        }
        long lastPosition = verifier.entriesVerified() + verifier.entriesBeyond();
        Discrepancy discrepancy = verifier.finish();
        if (discrepancy != null) {
            out.println("MISMATCH " + discrepancy);
            return MISMATCH;
        }
        Checkpoint latest = verifier.latest();
        out.println("OK " + verifier.entriesVerified() + " entries verified against the " + latest + " signed by " + signer(latest, keys).vkey());
        if (verifier.entriesBeyond() > 0) {
            out.println("UNVERIFIED " + verifier.entriesBeyond() + " entries at positions " + (lastPosition - verifier.entriesBeyond() + 1)
                    + ".." + lastPosition + " lie beyond the checkpoint: their chains link, but no signed checkpoint commits them yet");
        }
        return OK;
    }

    private static int receipt(Receipt receipt, List<Checkpoint> newer, Map<String, List<String>> options, List<NoteKey> keys, PrintStream out)
            throws IOException {
        NoteKey key = signer(receipt.checkpoint(), keys);
        String problem = receipt.problemWith(key);
        if (problem != null) {
            out.println("MISMATCH receipt for event " + receipt.entry().record().eventId() + ": " + problem);
            return MISMATCH;
        }
        out.println("OK receipt for event " + receipt.entry().record().eventId() + ": the entry at position " + receipt.entry().position()
                + " is in the " + receipt.checkpoint() + " signed by " + key.vkey());
        if (!newer.isEmpty() && options.containsKey("consistency")) {
            return consistency(ConsistencyProof.fromJsonText(read(options.get("consistency").get(0))), receipt.checkpoint(), newer.get(0), keys, out);
        }
        return OK;
    }

    private static int consistency(ConsistencyProof proof, Checkpoint older, Checkpoint newer, List<NoteKey> keys, PrintStream out) {
        for (Checkpoint checkpoint : List.of(older, newer)) {
            NoteKey key = signer(checkpoint, keys);
            if (!checkpoint.signedBy(key) || !checkpoint.origin().equals(key.name())) {
                out.println("MISMATCH the " + checkpoint + " is not signed by the pinned key " + key.vkey());
                return MISMATCH;
            }
        }
        String problem = proof.problemWith(older, newer);
        if (problem != null) {
            out.println("MISMATCH " + problem);
            return MISMATCH;
        }
        out.println("OK the " + newer + " extends the " + older + ": consistency proof verified");
        return OK;
    }

    /** The pinned key that signed a checkpoint, or the first pinned key when none did (it then fails to verify). */
    private static NoteKey signer(Checkpoint checkpoint, List<NoteKey> keys) {
        return keys.stream().filter(key -> key.name().equals(checkpoint.origin()) && checkpoint.signedBy(key)).findFirst().orElse(keys.get(0));
    }

    /** A file's text, refused unless it is UTF-8. */
    private static String read(String file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(Files.readAllBytes(Path.of(file)))).toString();
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: java -jar roundtable-audit-verifier-cli.jar --key log.vkey [--key-id ID] "
                + "(--ledger export.ndjson --checkpoint checkpoint.txt... | --receipt receipt.json [--consistency proof.json --checkpoint newer.txt] "
                + "| --consistency proof.json --checkpoint older.txt --checkpoint newer.txt)");
        return UNUSABLE;
    }
}
