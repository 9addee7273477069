package org.roundtable.audit.verifier;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A checkpoint of the ledger's log in the C2SP {@code tlog-checkpoint} form, a signed note: the body is three lines,
 * the log's origin, the tree size (the number of entries, positions 1..size) and the RFC 9162 root hash of the log's
 * tree in base64; then a blank line and one signature line per signer: the log's own Ed25519 note signature first,
 * witnesses' cosignatures after it. Existing transparency-log tooling reads it as it is.
 *
 * <p>Reading is strict: a size with a sign, leading zeros or beyond 2^63-1, a root that is not 32 bytes of canonical
 * base64, extension lines, a missing blank line or signature, or any other text is refused.
 */
public record Checkpoint(String origin, long size, byte[] root, List<NoteSignature> signatures) {

    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    public Checkpoint {
        Objects.requireNonNull(origin, "origin");
        if (origin.isEmpty() || origin.chars().anyMatch(c -> c < ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("a checkpoint's origin is one non-empty line of text");
        }
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        if (root == null || root.length != Sha256.LENGTH) {
            throw new IllegalArgumentException("a root hash is 32 bytes");
        }
        root = root.clone();
        signatures = List.copyOf(signatures);
    }

    /** An unsigned checkpoint. */
    public static Checkpoint of(String origin, long size, byte[] root) {
        return new Checkpoint(origin, size, root, List.of());
    }

    /** The note body, each line ending with a newline: what the log signs and witnesses cosign. */
    public String body() {
        return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(root) + "\n";
    }

    public String rootHex() {
        return Sha256.hex(root);
    }

    /** The note: the body, a blank line and the signature lines. */
    public String text() {
        StringBuilder text = new StringBuilder(body()).append('\n');
        signatures.forEach(signature -> text.append(signature.line()).append('\n'));
        return text.toString();
    }

    /** This checkpoint signed by the log: its note signature first, before any other. */
    public Checkpoint signedBy(LedgerKeys keys, String keyName) {
        NoteKey key = keys.noteKey(keyName, NoteKey.ED25519);
        List<NoteSignature> all = new ArrayList<>();
        all.add(new NoteSignature(keyName, key.keyId(), keys.signature(body().getBytes(StandardCharsets.UTF_8))));
        signatures.stream().filter(signature -> !signature.claims(key)).forEach(all::add);
        return new Checkpoint(origin, size, root, all);
    }

    /** Whether the log's key signed this body (a line with its name and key id whose signature verifies). */
    public boolean signedBy(NoteKey logKey) {
        byte[] message = body().getBytes(StandardCharsets.UTF_8);
        return signatures.stream().anyMatch(signature -> signature.claims(logKey) && logKey.verifies(message, signature.signature()));
    }

    /** A witness's cosignature of this checkpoint (C2SP tlog-cosignature v1) at a time in seconds since the epoch. */
    public NoteSignature cosignature(LedgerKeys witness, String witnessName, long time) {
        NoteKey key = witness.noteKey(witnessName, NoteKey.COSIGNATURE_V1);
        byte[] signature = witness.signature(cosignedMessage(time));
        return new NoteSignature(witnessName, key.keyId(), ByteBuffer.allocate(8 + signature.length).putLong(time).put(signature).array());
    }

    /** The time a witness cosigned this checkpoint, or -1 when no valid cosignature of that witness is on it. */
    public long cosignedAt(NoteKey witness) {
        for (NoteSignature signature : signatures) {
            if (signature.claims(witness) && signature.signature().length == 8 + 64) {
                long time = ByteBuffer.wrap(signature.signature()).getLong();
                if (time >= 0 && witness.verifies(cosignedMessage(time), Arrays.copyOfRange(signature.signature(), 8, 72))) {
                    return time;
                }
            }
        }
        return -1;
    }

    private byte[] cosignedMessage(long time) {
        return ("cosignature/v1\ntime " + time + "\n" + body()).getBytes(StandardCharsets.UTF_8);
    }

    /** This checkpoint with one more signature line (a cosignature), replacing an earlier line of the same key. */
    public Checkpoint with(NoteSignature added) {
        List<NoteSignature> all = new ArrayList<>(signatures.stream()
                .filter(signature -> !(signature.name().equals(added.name()) && Arrays.equals(signature.keyId(), added.keyId()))).toList());
        all.add(added);
        return new Checkpoint(origin, size, root, all);
    }

    /** Whether two checkpoints state the same tree (origin, size and root), whatever their signatures. */
    public boolean sameTree(Checkpoint other) {
        return origin.equals(other.origin) && size == other.size && Arrays.equals(root, other.root);
    }

    /** Reads a signed note; see the class comment for what is refused. */
    public static Checkpoint parse(String text) {
        if (text == null || !text.endsWith("\n")) {
            throw new IllegalArgumentException("a checkpoint note ends with a newline");
        }
        int blank = text.indexOf("\n\n");
        if (blank < 0) {
            throw new IllegalArgumentException("a checkpoint note has a blank line between its body and its signatures");
        }
        String[] body = text.substring(0, blank).split("\n", -1);
        if (body.length != 3) {
            throw new IllegalArgumentException("a checkpoint body is exactly three lines (origin, size, root), not " + body.length);
        }
        if (!SIZE.matcher(body[1]).matches()) {
            throw new IllegalArgumentException("the tree size '" + body[1] + "' is not a canonical decimal integer");
        }
        long size;
        try {
            size = Long.parseLong(body[1]);
        } catch (NumberFormatException tooLarge) {
            throw new IllegalArgumentException("the tree size '" + body[1] + "' is beyond 2^63-1");
        }
        byte[] root = canonicalBase64(body[2], "the root hash");
        List<NoteSignature> signatures = new ArrayList<>();
        String rest = text.substring(blank + 2);
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint note has at least one signature");
        }
        for (String line : rest.substring(0, rest.length() - 1).split("\n", -1)) {
            signatures.add(NoteSignature.parse(line));
        }
        if (signatures.isEmpty()) {
            throw new IllegalArgumentException("a checkpoint note has at least one signature");
        }
        return new Checkpoint(body[0], size, root, signatures);
    }

    static byte[] canonicalBase64(String text, String what) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException(what + " is not base64");
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(text)) {
            throw new IllegalArgumentException(what + " is not canonical base64");
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Checkpoint checkpoint && sameTree(checkpoint) && signatures.size() == checkpoint.signatures.size()
                && text().equals(checkpoint.text());
    }

    @Override
    public int hashCode() {
        return text().hashCode();
    }

    @Override
    public String toString() {
        return "checkpoint of " + origin + " at size " + size + ", root " + rootHex();
    }
}
