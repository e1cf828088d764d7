package fitcoach.llm;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.RequestOptions;

/** One provider's wire format for a streamed completion: what to send, and a fresh decoder for each attempt's events. */
interface StreamProtocol {

  /** A fresh request with method, absolute URL and headers; the caller adds the connect timeout. */
  RequestOptions request();

  Buffer body(LlmRequest request);

  StreamDecoder decoder();

  /** The response header carrying the provider's request id, for the log. */
  String requestIdHeader();

  LlmErrors errors();
}
