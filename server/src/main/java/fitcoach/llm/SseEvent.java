package fitcoach.llm;

/** One dispatched server-sent event: its type ({@code message} when the stream named none), data lines joined by LF, and last event id. */
public record SseEvent(String type, String data, String id) {}
