package dev.awsinventory.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the text files a config names (the config itself, {@code ${file:PATH}}): only a regular
 * file of at most {@link #MAX_BYTES}, decoded as strict UTF-8, so that a device, a named pipe or a
 * huge file is refused at once instead of hanging or exhausting memory.
 */
final class TextFiles {
  /** 4 MiB: more than a config can hold (the YAML reader stops at 3 million code points). */
  static final long MAX_BYTES = 4L << 20;

  private TextFiles() {}

  /** Why a file could not be read, as one phrase ("file not found", ...). */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    /** Where in the file the problem is (1-based), or line 1, column 1 for the whole file. */
    final int line;

    final int column;

    Unreadable(String problem) {
      this(problem, 1, 1);
    }

    Unreadable(String problem, int line, int column) {
      super(problem);
      this.line = line;
      this.column = column;
    }
  }

  /**
   * The file's text.
   *
   * @throws Unreadable if it is missing, not a regular file, larger than {@link #MAX_BYTES}, not
   *     UTF-8, or cannot be read
   */
  static String read(Path file) throws Unreadable {
    if (!Files.exists(file)) {
      throw new Unreadable("file not found");
    }
    if (!Files.isRegularFile(file)) {
      throw new Unreadable("not a regular file (a directory, a device or a pipe)");
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw new Unreadable("the file is larger than " + (MAX_BYTES >> 20) + " MiB");
      }
      byte[] bytes = Files.readAllBytes(file);
      return decode(bytes);
    } catch (IOException e) {
      throw new Unreadable("cannot read the file: " + e.getClass().getSimpleName());
    }
  }

  /**
   * Strict UTF-8.
   *
   * @throws Unreadable at the line and column (in characters) of the first byte that is not UTF-8
   */
  static String decode(byte[] bytes) throws Unreadable {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      decoder.flush(out);
      return out.flip().toString();
    }
    int bad = in.position();
    String before = out.flip().toString();
    int lineStart = before.lastIndexOf('\n') + 1;
    int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
    int column = before.codePointCount(lineStart, before.length()) + 1;
    throw new Unreadable(
        String.format(
            "the file is not UTF-8 text: byte 0x%02x here is not UTF-8", bytes[bad] & 0xff),
        line,
        column);
  }
}
