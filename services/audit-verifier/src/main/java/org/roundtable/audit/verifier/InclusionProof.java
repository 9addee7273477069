package org.roundtable.audit.verifier;

import java.security.PublicKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Proof that one entry is in the ledger a signed checkpoint commits to, in two RFC 9162 audit paths: from the entry's
 * leaf to its chain's Merkle root, and from the chain head's leaf to the checkpoint's root hash. Anyone with the
 * public key can check it ({@link #problemWith}) without the ledger: the entry's hash is recomputed from its content.
 *
 * @param chainPath      the audit path of the entry (leaf {@code chainIndex - 1}) in its chain's tree of
 *                       the checkpoint's size for that chain, hex
 * @param checkpointPath the audit path of the chain head (leaf {@code chainLeafIndex}) in the checkpoint's tree, hex
 */
public record InclusionProof(LedgerEntry entry, List<String> chainPath, int chainLeafIndex, List<String> checkpointPath,
                             Checkpoint checkpoint) {

    /** Builds the proof from the leaf hashes of the entry's chain up to the checkpoint's size for it. */
    public static InclusionProof of(LedgerEntry entry, List<byte[]> chainLeafHashes, Checkpoint checkpoint) {
        int chainLeafIndex = checkpoint.leafIndexOf(entry.record().chain());
        if (chainLeafIndex < 0) {
            throw new IllegalArgumentException("the checkpoint does not commit chain " + entry.record().chain());
        }
        List<String> chainPath = MerkleTree.inclusionPath(chainLeafHashes, entry.chainIndex() - 1).stream().map(Sha256::hex).toList();
        List<String> checkpointPath = MerkleTree.inclusionPath(checkpoint.leafHashes(), chainLeafIndex).stream().map(Sha256::hex).toList();
        return new InclusionProof(entry, chainPath, chainLeafIndex, checkpointPath, checkpoint);
    }

    /** Why this proof does not prove the entry is in the signed ledger, or {@code null} when it does. */
    public String problemWith(PublicKey publicKey) {
        String unsound = checkpoint.problemWith(publicKey);
        if (unsound != null) {
            return "the checkpoint is not sound: " + unsound;
        }
        if (chainLeafIndex < 0 || chainLeafIndex >= checkpoint.chains().size()) {
            return "the checkpoint has no chain at leaf " + chainLeafIndex;
        }
        ChainHead head = checkpoint.chains().get(chainLeafIndex);
        if (!head.chain().equals(entry.record().chain())) {
            return "leaf " + chainLeafIndex + " of the checkpoint is chain " + head.chain() + ", not the entry's " + entry.record().chain();
        }
        if (!HashChain.entryHash(entry.previousHash(), entry.record()).equals(entry.hash())) {
            return "the entry's content does not match its hash";
        }
        if (!MerkleTree.verifyInclusion(MerkleTree.leafHash(Sha256.fromHex(entry.hash())), entry.chainIndex() - 1, head.size(),
                bytes(chainPath), Sha256.fromHex(head.root()))) {
            return "the chain path does not lead from the entry to chain " + head.chain() + "'s root " + head.root();
        }
        if (!MerkleTree.verifyInclusion(MerkleTree.leafHash(head.leafData()), chainLeafIndex, checkpoint.chains().size(),
                bytes(checkpointPath), Sha256.fromHex(checkpoint.rootHash()))) {
            return "the checkpoint path does not lead from the chain head to the checkpoint's root " + checkpoint.rootHash();
        }
        return null;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("entry", entry.toJson());
        json.put("chainPath", chainPath);
        json.put("chainLeafIndex", chainLeafIndex);
        json.put("checkpointPath", checkpointPath);
        json.put("checkpoint", checkpoint.toJson());
        return json;
    }

    public static InclusionProof fromJsonText(String text) {
        Map<String, Object> json = Fields.object(Json.parse(text), "an inclusion proof");
        return new InclusionProof(LedgerEntry.fromJsonLine(Json.write(json.get("entry"))), strings(Fields.array(json, "chainPath")),
                (int) Fields.number(json, "chainLeafIndex"), strings(Fields.array(json, "checkpointPath")),
                Checkpoint.fromJson(Fields.object(json.get("checkpoint"), "the checkpoint")));
    }

    private static List<String> strings(List<Object> values) {
        List<String> strings = new ArrayList<>();
        values.forEach(value -> strings.add(String.valueOf(value)));
        return strings;
    }

    private static List<byte[]> bytes(List<String> hexes) {
        return hexes.stream().map(Sha256::fromHex).toList();
    }
}
