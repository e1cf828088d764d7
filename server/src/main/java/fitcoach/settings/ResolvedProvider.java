package fitcoach.settings;

/** A provider ready to call: the decrypted key (null for a keyless local server), base URL and chosen model. */
public record ResolvedProvider(Provider provider, String apiKey, String baseUrl, String model, String source) {
  @Override
  public String toString() {
    return "ResolvedProvider[provider=" + provider.id() + ", apiKey=" + (apiKey == null ? "none" : "***")
        + ", baseUrl=" + baseUrl + ", model=" + model + ", source=" + source + "]";
  }
}
