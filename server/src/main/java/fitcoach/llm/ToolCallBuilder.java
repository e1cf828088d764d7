package fitcoach.llm;

/** One tool call as its fragments arrive: id and name first, the arguments JSON in pieces cut anywhere. */
final class ToolCallBuilder {
  private String id;
  private String name;
  private final StringBuilder arguments = new StringBuilder();

  ToolCallBuilder(String id, String name) {
    this.id = id;
    this.name = name;
  }

  String id() {
    return id;
  }

  /** A later fragment may bring the id or name when the first did not (some OpenAI-compatible servers). */
  void fill(String id, String name) {
    if (this.id == null || this.id.isEmpty()) {
      this.id = id;
    }
    if (this.name == null || this.name.isEmpty()) {
      this.name = name;
    }
  }

  void append(String fragment) {
    arguments.append(fragment);
  }

  /** Null when the stream never said which tool was called. */
  LlmToolCall build(String fallbackId) {
    if (name == null || name.isEmpty()) {
      return null;
    }
    return new LlmToolCall(id == null || id.isEmpty() ? fallbackId : id, name, arguments.toString());
  }
}
