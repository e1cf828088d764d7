package fitcoach.llm;

/** One turn of a conversation. */
public record LlmMessage(Role role, String content) {

  public enum Role {
    USER("user"),
    ASSISTANT("assistant");

    private final String wire;

    Role(String wire) {
      this.wire = wire;
    }

    /** The role as both providers spell it. */
    public String wire() {
      return wire;
    }
  }

  public static LlmMessage user(String content) {
    return new LlmMessage(Role.USER, content);
  }

  public static LlmMessage assistant(String content) {
    return new LlmMessage(Role.ASSISTANT, content);
  }
}
