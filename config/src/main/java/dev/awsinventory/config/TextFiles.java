package dev.awsinventory.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
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

    Unreadable(String problem) {
      super(problem);
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
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new Unreadable("the file is not UTF-8 text");
    } catch (IOException e) {
      throw new Unreadable("cannot read the file: " + e.getClass().getSimpleName());
    }
  }
}
