package org.roundtable.audit.verifier.cli;

import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.Discrepancy;
import org.roundtable.audit.verifier.LedgerEntry;
import org.roundtable.audit.verifier.LedgerKeys;
import org.roundtable.audit.verifier.LedgerVerifier;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.HashMap;
import java.util.Map;

/**
 * The offline verifier: checks an exported ledger (NDJSON from position 1) against a signed checkpoint and the
 * ledger's public key, with no access to the service.
 *
 * <pre>java -jar roundtable-audit-verifier-&lt;version&gt;-cli.jar --ledger export.ndjson --checkpoint checkpoint.json --public-key key.pem</pre>
 *
 * Prints {@code OK ...} and exits 0 when every entry matches its hashes and the checkpoint; otherwise prints the first
 * entry that does not match and exits 1. Wrong usage or unreadable files exit 2.
 */
public final class VerifyLedger {

    public static final int OK = 0;
    public static final int MISMATCH = 1;
    public static final int UNUSABLE = 2;

    private VerifyLedger() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                return usage(err, "unexpected argument '" + args[i] + "'");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        for (String required : new String[]{"ledger", "checkpoint", "public-key"}) {
            if (!options.containsKey(required)) {
                return usage(err, "--" + required + " is missing");
            }
        }
        Checkpoint checkpoint;
        PublicKey publicKey;
        try {
            checkpoint = Checkpoint.fromJsonText(Files.readString(Path.of(options.get("checkpoint")), StandardCharsets.UTF_8));
            publicKey = LedgerKeys.publicKeyFromPem(Files.readString(Path.of(options.get("public-key")), StandardCharsets.US_ASCII));
        } catch (IOException | IllegalArgumentException unreadable) {
            err.println("cannot read the checkpoint or the public key: " + unreadable.getMessage());
            return UNUSABLE;
        }
        LedgerVerifier verifier = LedgerVerifier.against(checkpoint, publicKey);
        long line = 0;
        try (BufferedReader lines = Files.newBufferedReader(Path.of(options.get("ledger")), StandardCharsets.UTF_8)) {
            String text;
            while ((text = lines.readLine()) != null) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                LedgerEntry entry;
                try {
                    entry = LedgerEntry.fromJsonLine(text);
                } catch (IllegalArgumentException unreadable) {
                    out.println("MISMATCH line " + line + ": not a ledger entry: " + unreadable.getMessage());
                    return MISMATCH;
                }
                if (!verifier.accept(entry)) {
                    break;
                }
            }
        } catch (IOException unreadable) {
            err.println("cannot read the ledger: " + unreadable.getMessage());
            return UNUSABLE;
        }
        Discrepancy discrepancy = verifier.finish();
        if (discrepancy != null) {
            out.println("MISMATCH " + discrepancy);
            return MISMATCH;
        }
        out.println("OK " + verifier.entriesVerified() + " entries verified; " + checkpoint + " signed by key "
                + checkpoint.keyId() + " verified");
        return OK;
    }

    private static int usage(PrintStream err, String problem) {
        err.println(problem);
        err.println("usage: java -jar roundtable-audit-verifier-cli.jar --ledger export.ndjson --checkpoint checkpoint.json --public-key key.pem");
        return UNUSABLE;
    }
}
