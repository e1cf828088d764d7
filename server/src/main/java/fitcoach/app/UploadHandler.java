package fitcoach.app;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.file.FileSystem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerFileUpload;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multipart uploads, streamed to owner-only temporary files, but only once the request is wanted: the request is held
 * (paused) while its origin, session and declared length are checked, so a refused upload is answered before any of
 * its body is read, and the connection is then closed instead of drained. Files are limited in number and name, the
 * body in size; whatever the route did not take away is deleted when the request ends, however it ends.
 */
public final class UploadHandler {
  /** Files in one request; the Import screen sends bigger selections in batches. */
  public static final int MAX_FILES = 256;
  public static final int MAX_NAME_LENGTH = 255;
  private static final Logger LOG = LoggerFactory.getLogger(UploadHandler.class);
  private static final String SUFFIX = ".upload";
  private static final OpenOptions OPEN = open();
  private final Path dir;
  private final long maxBytes;

  public UploadHandler(Path dir, long maxBytes) {
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  /**
   * Empties the uploads folder (made 0700): it only ever holds files of requests in flight, so anything in it at start
   * was left by a crash. Blocking: call before the server listens.
   */
  public static void clearLeftovers(Path dir) {
    try {
      PrivateFiles.directory(dir);
      int removed = 0;
      try (var files = Files.list(dir)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          Files.deleteIfExists(f);
          removed++;
        }
      }
      if (removed > 0) {
        LOG.info("Removed {} unfinished uploads left in {} by an earlier run", removed, dir);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Cannot prepare the uploads folder " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * POST {@code path}: held → {@code requireUser} → content type and length → at most {@code maxFiles} files streamed
   * under field {@code field} → {@code handler}, which finds them in {@link RoutingContext#fileUploads()}.
   */
  public void mount(Router router, String path, String field, int maxFiles, Handler<RoutingContext> requireUser,
                    Handler<RoutingContext> handler) {
    router.post(path)
        .handler(UploadHandler::hold)
        .handler(requireUser)
        .handler(ctx -> receive(ctx, field, maxFiles))
        .handler(handler)
        .failureHandler(UploadHandler::refused);
  }

  /** New files only, owner-only where the file system knows POSIX permissions. */
  private static OpenOptions open() {
    OpenOptions options = new OpenOptions().setCreateNew(true).setWrite(true);
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      options.setPerms(PosixFilePermissions.toString(PrivateFiles.FILE));
    }
    return options;
  }

  /** Nothing of the body is read until the request is known to be wanted (auth is asynchronous). */
  public static void hold(RoutingContext ctx) {
    ctx.request().pause();
    ctx.next();
  }

  /**
   * On every failure of an upload route (including a refusal by an earlier handler, such as the origin check): an
   * answer sent before the body was read closes the connection, so the client cannot make the server drain it.
   */
  private static void refused(RoutingContext ctx) {
    HttpServerRequest req = ctx.request();
    if (ctx.response().closed()) {
      // The client went away mid-upload: there is nobody to answer, and the end handler removes the files.
      return;
    }
    if (!req.isEnded() && !ctx.response().headWritten() && req.version() != HttpVersion.HTTP_2) {
      req.pause();
      ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
      ctx.addBodyEndHandler(v -> req.connection().close());
    }
    ctx.next();
  }

  private void receive(RoutingContext ctx, String field, int maxFiles) {
    HttpServerRequest req = ctx.request();
    String type = req.getHeader(HttpHeaders.CONTENT_TYPE);
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new ApiException(415, "unsupported_media_type", "Send the files as multipart/form-data", field, null);
    }
    String length = req.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (length != null && parseLength(length) > maxBytes) {
      throw tooLarge();
    }
    Receiving receiving = new Receiving(ctx, field, maxFiles);
    ctx.addEndHandler(v -> receiving.cleanUp());
    try {
      req.setExpectMultipart(true);
    } catch (IllegalStateException e) {
      throw ApiException.badRequest("malformed_upload", "The upload is not valid multipart/form-data (" + e.getMessage() + ")");
    }
    req.uploadHandler(receiving::part);
    req.handler(receiving::bytes);
    req.exceptionHandler(receiving::fail);
    req.endHandler(v -> receiving.ended());
    if ("100-continue".equalsIgnoreCase(req.getHeader(HttpHeaders.EXPECT)) && req.version() != HttpVersion.HTTP_1_0) {
      ctx.response().writeContinue();
    }
    req.resume();
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("malformed_request", "Content-Length is not a number");
    }
  }

  private ApiException tooLarge() {
    return new ApiException(413, "payload_too_large",
        "The upload is larger than " + maxBytes / (1024 * 1024) + " MB; send fewer files at a time", "files", null);
  }

  private static ApiException tooManyFiles(String field, int maxFiles) {
    if (maxFiles == 1) {
      return ApiException.invalid(field, "one_file", "Send exactly one file as the form field '" + field + "'");
    }
    return new ApiException(413, "too_many_files",
        "At most " + maxFiles + " files per upload; send the rest in another upload (it joins the same import)", field, null);
  }

  /**
   * The name a file is stored under in the database and shown to the athlete: its last path segment (browsers send
   * bare names, other clients sometimes paths). Empty names, {@code .} and {@code ..}, control characters (NUL
   * included) and names over 255 characters are refused with 422 naming the file.
   */
  static String fileName(String sent, String field) {
    String name = sent == null ? "" : sent.substring(Math.max(sent.lastIndexOf('/'), sent.lastIndexOf('\\')) + 1);
    String problem = null;
    if (sent != null && sent.codePoints().anyMatch(Character::isISOControl)) {
      problem = "has control characters";
    } else if (sent != null && sent.length() > MAX_NAME_LENGTH) {
      problem = "is longer than " + MAX_NAME_LENGTH + " characters";
    } else if (name.isBlank() || name.equals(".") || name.equals("..")) {
      problem = "is not a file name";
    }
    if (problem != null) {
      throw ApiException.invalid(field, "invalid_file_name", "The file name \"" + shown(sent) + "\" " + problem);
    }
    return name;
  }

  /** A name as it can be shown in a message: controls as '?', at most 80 characters. */
  private static String shown(String name) {
    if (name == null) {
      return "";
    }
    String printable = name.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    return printable.length() <= 80 ? printable : printable.substring(0, 80) + "…";
  }

  /** A file that arrived whole, in the uploads folder under a generated name. */
  private record Received(String name, String fileName, String uploadedFileName, long size, String contentType,
                          String contentTransferEncoding, String charSet, FileSystem fs) implements FileUpload {
    @Override
    public boolean cancel() {
      return false;
    }

    @Override
    public Future<Void> delete() {
      return fs.delete(uploadedFileName);
    }
  }

  /** One request's upload in progress: the files it created, what it has received, and whether it failed. */
  private final class Receiving {
    private final RoutingContext ctx;
    private final String field;
    private final int maxFiles;
    private final List<Path> created = new ArrayList<>();
    private final List<FileUpload> received = new ArrayList<>();
    private long bytes;
    private int parts;
    private int writing;
    private boolean ended;
    private boolean failed;
    private boolean handedOver;
    private boolean over;

    Receiving(RoutingContext ctx, String field, int maxFiles) {
      this.ctx = ctx;
      this.field = field;
      this.maxFiles = maxFiles;
    }

    void bytes(Buffer chunk) {
      bytes += chunk.length();
      if (bytes > maxBytes) {
        fail(tooLarge());
      }
    }

    void part(HttpServerFileUpload upload) {
      if (failed || over) {
        return;
      }
      if (++parts > maxFiles) {
        fail(tooManyFiles(field, maxFiles));
        return;
      }
      String name;
      try {
        name = fileName(upload.filename(), field);
      } catch (ApiException e) {
        fail(e);
        return;
      }
      Path file = dir.resolve(UUID.randomUUID() + SUFFIX);
      created.add(file);
      writing++;
      upload.pause();
      FileSystem fs = ctx.vertx().fileSystem();
      fs.open(file.toString(), OPEN).onComplete(opened -> {
        if (opened.failed()) {
          writing--;
          fail(opened.cause());
        } else if (failed || over) {
          // Refused or abandoned while the file was being created: the clean-up may have run already.
          writing--;
          opened.result().close().onComplete(v -> fs.delete(file.toString()));
        } else {
          upload.pipeTo(opened.result()).onComplete(piped -> {
            writing--;
            if (piped.failed()) {
              fail(piped.cause());
              return;
            }
            received.add(new Received(upload.name(), name, file.toString(), upload.size(), upload.contentType(),
                upload.contentTransferEncoding(), upload.charset(), fs));
            complete();
          });
        }
      });
    }

    void ended() {
      ended = true;
      complete();
    }

    private void complete() {
      if (ended && writing == 0 && !failed && !handedOver && !over) {
        handedOver = true;
        ctx.fileUploads().addAll(received);
        ctx.next();
      }
    }

    void fail(Throwable cause) {
      if (failed || handedOver || over) {
        return;
      }
      failed = true;
      // Stop reading: the answer goes out and the connection closes (see refused).
      ctx.request().pause();
      ctx.fail(translate(cause));
    }

    private Throwable translate(Throwable cause) {
      if (cause instanceof HttpPostRequestDecoder.TooManyFormFieldsException) {
        return tooManyFiles(field, maxFiles);
      }
      if (cause instanceof HttpPostRequestDecoder.TooLongFormFieldException) {
        return ApiException.invalid(field, "invalid_file_name",
            "A part of the upload has a header or field that is too long (file names have at most " + MAX_NAME_LENGTH + " characters)");
      }
      if (cause instanceof DecoderException) {
        return ApiException.badRequest("malformed_upload", "The upload is not valid multipart/form-data");
      }
      return cause;
    }

    /** The exchange is over (answered, failed or cut off): temporary files the route did not move away go. */
    void cleanUp() {
      over = true;
      List<Path> files = List.copyOf(created);
      if (files.isEmpty()) {
        return;
      }
      ctx.vertx().executeBlocking(() -> {
        files.forEach(UploadHandler::deleteQuietly);
        return null;
      }, false);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete the temporary upload {}: {}", file, e.getMessage());
    }
  }
}
