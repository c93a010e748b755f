package io.sei.operator.sidecar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * The operator's ServiceAccount token, read from its file and read again whenever the file's
 * modification time or size changes (the kubelet rotates projected tokens). The token never appears
 * in a message.
 */
public final class TokenFile {
  private final Path path;
  private FileTime readModified;
  private long readSize = -1;
  private String token;

  public TokenFile(Path path) {
    this.path = path;
  }

  /**
   * The current token.
   *
   * @throws SidecarUnavailableException when the file cannot be read or is empty (the kubelet may
   *     still be projecting it)
   */
  public synchronized String token() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      if (token == null
          || !attributes.lastModifiedTime().equals(readModified)
          || attributes.size() != readSize) {
        String text = Files.readString(path).strip();
        if (text.isEmpty()) {
          throw new SidecarUnavailableException("the operator's token file " + path + " is empty");
        }
        token = text;
        readModified = attributes.lastModifiedTime();
        readSize = attributes.size();
      }
      return token;
    } catch (IOException e) {
      throw new SidecarUnavailableException(
          "cannot read the operator's token file "
              + path
              + " ("
              + e.getClass().getSimpleName()
              + ")",
          e);
    }
  }
}
