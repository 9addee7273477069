package org.roundtable.events;

/** A Kafka record that is not a Roundtable event this service can read; the message says what is wrong and where. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message) {
        super(message);
    }

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
