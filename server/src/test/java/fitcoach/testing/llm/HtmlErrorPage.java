package fitcoach.testing.llm;

/** The bare HTML error page a proxy such as Cloudflare or nginx sends instead of the provider's JSON error. */
final class HtmlErrorPage {
  private HtmlErrorPage() {
  }

  static String of(int status, String reason) {
    return "<html>\r\n<head><title>" + status + " " + reason + "</title></head>\r\n<body>\r\n<center><h1>" + status
        + " " + reason + "</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n";
  }
}
