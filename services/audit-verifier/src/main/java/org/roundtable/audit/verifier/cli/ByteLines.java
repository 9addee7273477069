package org.roundtable.audit.verifier.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of a stream as byte ranges, ended by {@code \n}, {@code \r} or {@code \r\n} (as
 * {@link java.io.BufferedReader#readLine()} ends them), without decoding them: the ledger's verifier reads an export
 * line's bytes straight into what it hashes. A last line without a line break is a line; an empty tail is not.
 */
final class ByteLines {

    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int filled;
    private int lineStart;
    private int lineEnd;
    private int next;
    private boolean ended;
    private boolean afterReturn;

    ByteLines(InputStream in) {
        this.in = in;
    }

    /** Moves to the next line; {@code false} at the end of the stream. */
    boolean next() throws IOException {
        int at = next;
        while (true) {
            if (afterReturn && at < filled) {
                afterReturn = false;
                if (buffer[at] == '\n') {
                    at++;
                    next = at;
                }
            }
            int start = next;
            while (at < filled && buffer[at] != '\n' && buffer[at] != '\r') {
                at++;
            }
            if (at < filled) {
                lineStart = start;
                lineEnd = at;
                afterReturn = buffer[at] == '\r';
                next = at + 1;
                return true;
            }
            if (ended) {
                if (start == filled) {
                    return false;
                }
                lineStart = start;
                lineEnd = filled;
                next = filled;
                return true;
            }
            // keep the unfinished line, read more after it
            int kept = filled - start;
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, kept);
            } else if (kept == buffer.length) {
                buffer = Arrays.copyOf(buffer, 2 * buffer.length);
            }
            filled = kept;
            at -= start;
            next = 0;
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                ended = true;
            } else {
                filled += read;
            }
        }
    }

    byte[] buffer() {
        return buffer;
    }

    int start() {
        return lineStart;
    }

    int end() {
        return lineEnd;
    }
}
