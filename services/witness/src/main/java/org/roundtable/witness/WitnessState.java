package org.roundtable.witness;

import org.roundtable.audit.verifier.Checkpoint;
import org.roundtable.audit.verifier.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a witness remembers, in its own file: the last checkpoint it cosigned and its most recent alerts. Written to a
 * temporary file and moved into place, so a crash leaves the old state or the new, never half of one; read back on
 * start, so a restarted witness still refuses a rollback below what it cosigned.
 */
public final class WitnessState {

    static final int MAX_ALERTS = 100;

    private final Path file;
    private Checkpoint last;
    private final List<Alert> alerts = new ArrayList<>();

    private WitnessState(Path file) {
        this.file = file;
    }

    /** The state kept in this file, or an empty state when the file does not exist yet. */
    @SuppressWarnings("unchecked")
    public static WitnessState in(Path file) {
        WitnessState state = new WitnessState(file);
        if (Files.exists(file)) {
            try {
                Map<String, Object> json = (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
                Object checkpoint = json.get("checkpoint");
                state.last = checkpoint == null ? null : Checkpoint.parse((String) checkpoint);
                for (Object item : (List<Object>) json.getOrDefault("alerts", List.of())) {
                    Map<String, Object> alert = (Map<String, Object>) item;
                    state.alerts.add(new Alert(Instant.parse((String) alert.get("at")), Alert.Kind.valueOf((String) alert.get("kind")),
                            ((Json.Number) alert.get("size")).longValue(), (String) alert.get("root"), (String) alert.get("detail")));
                }
            } catch (IOException unreadable) {
                throw new UncheckedIOException("cannot read the witness state " + file, unreadable);
            } catch (RuntimeException corrupt) {
                throw new IllegalStateException("the witness state " + file + " is not readable: " + corrupt.getMessage(), corrupt);
            }
        }
        return state;
    }

    public synchronized Checkpoint last() {
        return last;
    }

    public synchronized List<Alert> alerts() {
        return List.copyOf(alerts);
    }

    synchronized void remember(Checkpoint cosigned) {
        last = cosigned;
        save();
    }

    synchronized void alert(Alert alert) {
        alerts.add(alert);
        while (alerts.size() > MAX_ALERTS) {
            alerts.remove(0);
        }
        save();
    }

    private void save() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("checkpoint", last == null ? null : last.text());
        List<Object> kept = new ArrayList<>();
        for (Alert alert : alerts) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("at", alert.at().toString());
            item.put("kind", alert.kind().name());
            item.put("size", new Json.Number(Long.toString(alert.size())));
            item.put("root", alert.root());
            item.put("detail", alert.detail());
            kept.add(item);
        }
        json.put("alerts", kept);
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Path written = Files.writeString(file.resolveSibling(file.getFileName() + ".tmp"), Json.write(json), StandardCharsets.UTF_8);
            Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException unwritable) {
            throw new UncheckedIOException("cannot write the witness state " + file, unwritable);
        }
    }
}
