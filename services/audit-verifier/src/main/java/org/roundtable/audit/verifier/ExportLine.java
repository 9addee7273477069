package org.roundtable.audit.verifier;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an export line the way {@link LedgerEntry#toJsonLine()} writes it, straight from its UTF-8 bytes into the
 * canonical encoding its entry hash covers, without building strings, maps or instants. It reads only that form: one
 * object of exactly the entry's fields, each once, no whitespace, names without escapes, strings of valid UTF-8 whose
 * escapes stand for no surrogate, numbers as plain non-negative integers, hashes as 64 lower-case hex digits, times
 * as {@link CanonicalInstant} reads them (the occurred-at time at most at microseconds). Anything else, valid or not,
 * makes {@link #read} answer {@code false}, and the caller reads the line the general way ({@link LedgerEntry#fromJsonLine}),
 * which decides and names what is wrong; so whatever this reads, the general way reads alike.
 *
 * <p>One reader is reused line after line; what it read is valid until the next {@link #read}.
 */
final class ExportLine {

    // the entry hash covers fields TOPIC..PAYLOAD in this order (LedgerRecord#canonicalEncoding)
    static final int TOPIC = 0;
    static final int PARTITION = 1;
    static final int OFFSET = 2;
    static final int EVENT_ID = 3;
    static final int SEQUENCE = 13;
    static final int OCCURRED_AT = 14;
    static final int PAYLOAD = 16;
    static final int POSITION = 17;
    static final int CHAIN_INDEX = 18;
    static final int RECORDED_AT = 19;
    static final int PREVIOUS_HASH = 20;
    static final int HASH = 21;

    private static final String[] NAMES = {"topic", "partition", "offset", "eventId", "source", "type", "eventName", "subject",
            "actorId", "actorRole", "actorName", "correlationId", "causationId", "sequence", "occurredAt", "headers", "payload",
            "position", "chainIndex", "recordedAt", "previousHash", "hash"};
    /** Each name followed by its closing quote and the colon, as the writer writes it. */
    private static final byte[][] NAME_TOKENS = Arrays.stream(NAMES).map(name -> (name + "\":").getBytes(StandardCharsets.US_ASCII))
            .toArray(byte[][]::new);
    /** The fields in the order the writer puts them (sorted by name), so each name is usually found at the first try. */
    private static final int[] WRITTEN_ORDER = java.util.stream.IntStream.range(0, NAMES.length).boxed()
            .sorted(java.util.Comparator.comparing(field -> NAMES[field])).mapToInt(Integer::intValue).toArray();
    private static final int ALL = (1 << NAMES.length) - 1;
    /** Fields that are JSON strings, those that may be {@code null}, and those that are integers. */
    private static final int TEXTS = ~(1 << PARTITION | 1 << OFFSET | 1 << SEQUENCE | 1 << POSITION | 1 << CHAIN_INDEX) & ALL;
    private static final int OPTIONAL = 1 << 8 | 1 << 9 | 1 << 10 | 1 << 11 | 1 << 12 | 1 << SEQUENCE;
    private static final byte[] RECORD_VERSION = new CanonicalEncoding(LedgerRecord.VERSION).bytes();
    private static final byte[] LEAF_VERSION = new CanonicalEncoding(LedgerEntry.LEAF_VERSION).bytes();
    private static final byte[] HEX_VALUES = new byte[256];
    private static final VarHandle EIGHT_BYTES = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle FOUR_BYTES = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    /** The first and the last eight (or four, for a token shorter than eight) bytes of each name token. */
    private static final long[] TOKEN_HEADS = new long[NAMES.length];
    private static final long[] TOKEN_TAILS = new long[NAMES.length];

    static {
        for (int field = 0; field < NAMES.length; field++) {
            byte[] token = NAME_TOKENS[field];
            VarHandle word = token.length >= Long.BYTES ? EIGHT_BYTES : FOUR_BYTES;
            int size = token.length >= Long.BYTES ? Long.BYTES : Integer.BYTES;
            TOKEN_HEADS[field] = size == Long.BYTES ? (long) word.get(token, 0) : (int) word.get(token, 0);
            TOKEN_TAILS[field] = size == Long.BYTES ? (long) word.get(token, token.length - size) : (int) word.get(token, token.length - size);
        }
        Arrays.fill(HEX_VALUES, (byte) -1);
        for (int digit = 0; digit < 16; digit++) {
            HEX_VALUES["0123456789abcdef".charAt(digit)] = (byte) digit;
        }
    }

    private final int[] start = new int[NAMES.length];
    private final int[] end = new int[NAMES.length];
    /** Whether a string field's bytes were unescaped into {@link #unescaped} (else they stand in the line as they are). */
    private final boolean[] escaped = new boolean[NAMES.length];
    private final long[] numbers = new long[NAMES.length];
    private int present;
    private int absent;
    private byte[] line;
    private byte[] unescaped = new byte[1024];
    private int unescapedSize;

    /** The previous hash (32 bytes) followed by the record's canonical encoding: exactly what the entry hash covers. */
    private byte[] hashed = new byte[1024];
    private int hashedSize;
    /** The leaf hash prefix (0x00) followed by the leaf's canonical encoding. */
    private final byte[] leaf;
    private final int leafFieldsAt;
    private int leafSize;
    private final byte[] hash = new byte[Sha256.LENGTH];

    ExportLine() {
        leaf = new byte[1 + LEAF_VERSION.length + 5 + 18 + 5 + 2 * Sha256.LENGTH];
        leaf[0] = 0x00;
        System.arraycopy(LEAF_VERSION, 0, leaf, 1, LEAF_VERSION.length);
        leafFieldsAt = 1 + LEAF_VERSION.length;
    }

    /** Reads {@code line[from, to)}; {@code false} when the line is not in the one form this reads (see above). */
    boolean read(byte[] line, int from, int to) {
        this.line = line;
        present = 0;
        absent = 0;
        unescapedSize = 0;
        int at = from;
        if (at >= to || line[at++] != '{') {
            return false;
        }
        int guess = 0;
        while (true) {
            if (at >= to || line[at] != '"') {
                return false;
            }
            int field = guess < WRITTEN_ORDER.length ? WRITTEN_ORDER[guess] : -1;
            at++;
            if (field >= 0 && startsWithName(line, at, to, field)) {
                at += NAME_TOKENS[field].length;
            } else {
                int nameStart = at;
                while (at < to && line[at] != '"' && line[at] != '\\') {
                    at++;
                }
                if (at + 1 >= to || line[at] != '"' || line[at + 1] != ':') {
                    return false;
                }
                field = field(line, nameStart, at);
                at += 2;
            }
            if (field < 0 || (present & 1 << field) != 0) {
                return false;
            }
            guess++;
            present |= 1 << field;
            if (at >= to) {
                return false;
            }
            byte first = line[at];
            if (first == 'n') {
                if ((OPTIONAL & 1 << field) == 0 || at + 4 > to || line[at + 1] != 'u' || line[at + 2] != 'l' || line[at + 3] != 'l') {
                    return false;
                }
                absent |= 1 << field;
                at += 4;
            } else if ((TEXTS & 1 << field) != 0) {
                if (first != '"') {
                    return false;
                }
                at = string(field, at + 1, to);
                if (at < 0) {
                    return false;
                }
            } else {
                at = integer(field, at, to);
                if (at < 0) {
                    return false;
                }
            }
            if (at >= to) {
                return false;
            }
            byte next = line[at++];
            if (next == '}') {
                return at == to && present == ALL && fieldsInForm();
            }
            if (next != ',') {
                return false;
            }
        }
    }

    private static int field(byte[] line, int from, int to) {
        for (int field = 0; field < NAME_TOKENS.length; field++) {
            if (NAME_TOKENS[field].length - 2 == to - from && Arrays.equals(NAME_TOKENS[field], 0, to - from, line, from, to)) {
                return field;
            }
        }
        return -1;
    }

    /**
     * Whether {@code line[at...]} is the field's name, its closing quote and the colon: two overlapping words compared
     * (every such token is 6 to 16 bytes long).
     */
    private static boolean startsWithName(byte[] line, int at, int to, int field) {
        int length = NAME_TOKENS[field].length;
        if (at + length > to) {
            return false;
        }
        if (length >= Long.BYTES) {
            return (long) EIGHT_BYTES.get(line, at) == TOKEN_HEADS[field]
                    && (long) EIGHT_BYTES.get(line, at + length - Long.BYTES) == TOKEN_TAILS[field];
        }
        return (int) FOUR_BYTES.get(line, at) == (int) TOKEN_HEADS[field]
                && (int) FOUR_BYTES.get(line, at + length - Integer.BYTES) == (int) TOKEN_TAILS[field];
    }

    /** Reads a string's content from just after its opening quote; returns the index after its closing quote, or -1. */
    private int string(int field, int at, int to) {
        int begin = at;
        while (true) {
            at = nextStop(line, at, to);
            if (at >= to) {
                return -1;
            }
            byte c = line[at];
            if (c == '"') {
                start[field] = begin;
                end[field] = at;
                escaped[field] = false;
                return at + 1;
            }
            if (c >= 0) {
                break;
            }
            at = utf8(at, to);
            if (at < 0) {
                return -1;
            }
        }
        // from its first escape on, the string is copied as it is read
        start[field] = unescapedSize;
        escaped[field] = true;
        room(to - begin + Long.BYTES);
        System.arraycopy(line, begin, unescaped, unescapedSize, at - begin);
        unescapedSize += at - begin;
        while (true) {
            byte c = line[at];
            if (c == '"') {
                end[field] = unescapedSize;
                return at + 1;
            }
            if (c < 0) {
                int next = utf8(at, to);
                if (next < 0) {
                    return -1;
                }
                while (at < next) {
                    unescaped[unescapedSize++] = line[at++];
                }
            } else if (c == '\\') {
                at = unescape(at + 1, to);
                if (at < 0) {
                    return -1;
                }
            } else {
                return -1; // a control character
            }
            at = copyToNextStop(at, to);
            if (at >= to) {
                return -1;
            }
        }
    }

    /** Writes the character escaped at {@code line[at...]} (after the backslash); returns the index after it, or -1. */
    private int unescape(int at, int to) {
        if (at >= to) {
            return -1;
        }
        byte escape = line[at];
        switch (escape) {
            case '"', '\\', '/' -> unescaped[unescapedSize++] = escape;
            case 'b' -> unescaped[unescapedSize++] = '\b';
            case 'f' -> unescaped[unescapedSize++] = '\f';
            case 'n' -> unescaped[unescapedSize++] = '\n';
            case 'r' -> unescaped[unescapedSize++] = '\r';
            case 't' -> unescaped[unescapedSize++] = '\t';
            case 'u' -> {
                if (at + 5 > to) {
                    return -1;
                }
                int unit = 0;
                for (int i = 1; i <= 4; i++) {
                    int digit = Character.digit(line[at + i], 16);
                    if (digit < 0) {
                        return -1;
                    }
                    unit = unit << 4 | digit;
                }
                if (Character.isSurrogate((char) unit)) {
                    return -1;
                }
                appendUtf8(unit);
                return at + 5;
            }
            default -> {
                return -1;
            }
        }
        return at + 1;
    }

    /**
     * The index of the first byte at or after {@code at} that ends a run of plain string bytes: a quote, a backslash, a
     * control character or a byte of a multi-byte UTF-8 sequence; {@code to} when there is none. Eight bytes at a time.
     */
    private static int nextStop(byte[] line, int at, int to) {
        while (at + Long.BYTES <= to) {
            long stops = stops((long) EIGHT_BYTES.get(line, at));
            if (stops != 0) {
                return at + (Long.numberOfTrailingZeros(stops) >>> 3);
            }
            at += Long.BYTES;
        }
        while (at < to && plain(line[at])) {
            at++;
        }
        return at;
    }

    /** Copies the plain bytes from {@code at} up to the next stop ({@link #nextStop}) into {@link #unescaped}; returns that stop. */
    private int copyToNextStop(int at, int to) {
        while (at + Long.BYTES <= to) {
            long word = (long) EIGHT_BYTES.get(line, at);
            EIGHT_BYTES.set(unescaped, unescapedSize, word);
            long stops = stops(word);
            if (stops != 0) {
                int plain = Long.numberOfTrailingZeros(stops) >>> 3;
                unescapedSize += plain;
                return at + plain;
            }
            unescapedSize += Long.BYTES;
            at += Long.BYTES;
        }
        while (at < to && plain(line[at])) {
            unescaped[unescapedSize++] = line[at++];
        }
        return at;
    }

    /**
     * The high bit of each byte of a little-endian word that is a quote, a backslash, below 0x20 or above 0x7f, and
     * possibly of bytes after such a byte (so the lowest bit set is always exact).
     */
    private static long stops(long word) {
        long quote = word ^ 0x2222222222222222L;
        long backslash = word ^ 0x5c5c5c5c5c5c5c5cL;
        return ((quote - 0x0101010101010101L) & ~quote
                | (backslash - 0x0101010101010101L) & ~backslash
                | (word - 0x2020202020202020L) & ~word
                | word) & 0x8080808080808080L;
    }

    private static boolean plain(byte c) {
        return c != '"' && c != '\\' && c >= 0x20;
    }

    /** Steps over one well-formed UTF-8 sequence of two to four bytes starting at {@code at}; -1 when it is not one. */
    private int utf8(int at, int to) {
        int lead = line[at] & 0xff;
        int length;
        int low = 0x80;
        int high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            if (lead == 0xe0) {
                low = 0xa0;
            } else if (lead == 0xed) {
                high = 0x9f;
            }
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            if (lead == 0xf0) {
                low = 0x90;
            } else if (lead == 0xf4) {
                high = 0x8f;
            }
        } else {
            return -1;
        }
        if (at + length > to) {
            return -1;
        }
        int second = line[at + 1] & 0xff;
        if (second < low || second > high) {
            return -1;
        }
        for (int i = 2; i < length; i++) {
            int continuation = line[at + i] & 0xff;
            if (continuation < 0x80 || continuation > 0xbf) {
                return -1;
            }
        }
        return at + length;
    }

    /** Reads a plain non-negative integer of at most 18 digits; returns the index after it, or -1. */
    private int integer(int field, int at, int to) {
        int digitsStart = at;
        long value = 0;
        while (at < to && line[at] >= '0' && line[at] <= '9') {
            value = value * 10 + (line[at] - '0');
            at++;
        }
        int digits = at - digitsStart;
        if (digits == 0 || digits > 18 || digits > 1 && line[digitsStart] == '0'
                || at < to && (line[at] == '.' || line[at] == 'e' || line[at] == 'E')) {
            return -1;
        }
        start[field] = digitsStart;
        end[field] = at;
        escaped[field] = false;
        numbers[field] = value;
        return at;
    }

    /** The checks the general reader makes of the fields' values, for the values this reader can tell apart. */
    private boolean fieldsInForm() {
        if ((absent & ~OPTIONAL) != 0 || numbers[PARTITION] > Integer.MAX_VALUE
                || !hex(HASH, hash)) {
            return false;
        }
        int occurredAtLength = end[OCCURRED_AT] - start[OCCURRED_AT];
        return !escaped[OCCURRED_AT] && !escaped[RECORDED_AT] && occurredAtLength != 30
                && CanonicalInstant.isCanonical(line, start[OCCURRED_AT], end[OCCURRED_AT])
                && CanonicalInstant.isCanonical(line, start[RECORDED_AT], end[RECORDED_AT]);
    }

    private boolean hex(int field, byte[] into) {
        if (escaped[field] || end[field] - start[field] != 2 * Sha256.LENGTH) {
            return false;
        }
        int at = start[field];
        for (int i = 0; i < Sha256.LENGTH; i++) {
            int high = HEX_VALUES[line[at++] & 0xff];
            int low = HEX_VALUES[line[at++] & 0xff];
            if ((high | low) < 0) {
                return false;
            }
            into[i] = (byte) (high << 4 | low);
        }
        return true;
    }

    long number(int field) {
        return numbers[field];
    }

    /** Whether the previous hash is {@code hex} (64 lower-case hex digits). */
    boolean previousHashIs(byte[] hex) {
        return Arrays.equals(hex, 0, hex.length, bytes(PREVIOUS_HASH), start[PREVIOUS_HASH], end[PREVIOUS_HASH]);
    }

    /** Copies the entry hash as written (64 lower-case hex digits) into {@code hex}. */
    void copyHashHex(byte[] hex) {
        System.arraycopy(line, start[HASH], hex, 0, hex.length);
    }

    byte[] hash() {
        return hash;
    }

    /** Whether the topic is {@code topic} (its UTF-8 bytes). */
    boolean topicIs(byte[] topic) {
        return Arrays.equals(topic, 0, topic.length, bytes(TOPIC), start[TOPIC], end[TOPIC]);
    }

    int topicHash() {
        int hash = 1;
        byte[] bytes = bytes(TOPIC);
        for (int i = start[TOPIC]; i < end[TOPIC]; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash;
    }

    String text(int field) {
        return new String(bytes(field), start[field], end[field] - start[field], StandardCharsets.UTF_8);
    }

    private byte[] bytes(int field) {
        return escaped[field] ? unescaped : line;
    }

    /**
     * The bytes the entry hash covers, {@code [0, hashedSize())}: the previous hash (as read, and found to be
     * {@code previousHash}), then the record's canonical encoding, the same bytes as
     * {@link LedgerRecord#canonicalEncoding()} of the record the general reader makes.
     */
    byte[] hashed(byte[] previousHash) {
        int size = Sha256.LENGTH + RECORD_VERSION.length;
        for (int field = TOPIC; field <= PAYLOAD; field++) {
            size += 5 + end[field] - start[field];
        }
        if (hashed.length < size) {
            hashed = new byte[Math.max(size, 2 * hashed.length)];
        }
        System.arraycopy(previousHash, 0, hashed, 0, Sha256.LENGTH);
        System.arraycopy(RECORD_VERSION, 0, hashed, Sha256.LENGTH, RECORD_VERSION.length);
        int at = Sha256.LENGTH + RECORD_VERSION.length;
        for (int field = TOPIC; field <= PAYLOAD; field++) {
            if ((absent & 1 << field) != 0) {
                hashed[at++] = 0;
                continue;
            }
            int length = end[field] - start[field];
            at = prefix(hashed, at, length);
            System.arraycopy(bytes(field), start[field], hashed, at, length);
            at += length;
        }
        hashedSize = at;
        return hashed;
    }

    int hashedSize() {
        return hashedSize;
    }

    /** The leaf hash's input, {@code [0, leafSize())}: 0x00 then the leaf's canonical encoding (position, entry hash). */
    byte[] leaf() {
        int length = end[POSITION] - start[POSITION];
        int at = prefix(leaf, leafFieldsAt, length);
        System.arraycopy(line, start[POSITION], leaf, at, length);
        at = prefix(leaf, at + length, 2 * Sha256.LENGTH);
        System.arraycopy(line, start[HASH], leaf, at, 2 * Sha256.LENGTH);
        leafSize = at + 2 * Sha256.LENGTH;
        return leaf;
    }

    int leafSize() {
        return leafSize;
    }

    private static int prefix(byte[] into, int at, int length) {
        into[at] = 1;
        into[at + 1] = (byte) (length >>> 24);
        into[at + 2] = (byte) (length >>> 16);
        into[at + 3] = (byte) (length >>> 8);
        into[at + 4] = (byte) length;
        return at + 5;
    }

    private void appendUtf8(int unit) {
        if (unit < 0x80) {
            unescaped[unescapedSize++] = (byte) unit;
        } else if (unit < 0x800) {
            unescaped[unescapedSize++] = (byte) (0xc0 | unit >> 6);
            unescaped[unescapedSize++] = (byte) (0x80 | unit & 0x3f);
        } else {
            unescaped[unescapedSize++] = (byte) (0xe0 | unit >> 12);
            unescaped[unescapedSize++] = (byte) (0x80 | unit >> 6 & 0x3f);
            unescaped[unescapedSize++] = (byte) (0x80 | unit & 0x3f);
        }
    }

    private void room(int more) {
        if (unescapedSize + more > unescaped.length) {
            unescaped = Arrays.copyOf(unescaped, Math.max(2 * unescaped.length, unescapedSize + more));
        }
    }
}
