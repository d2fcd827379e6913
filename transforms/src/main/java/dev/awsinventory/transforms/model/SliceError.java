package dev.awsinventory.transforms.model;

import java.io.Serializable;

/**
 * Why a slice failed or was skipped: an AWS error code (or this tool's own, such as {@code
 * ParentFailed}, {@code RegionDenied}, {@code UnknownRegion}) and a one-line message that never
 * holds credentials (the fetch redacts it).
 *
 * @param code the error code, such as {@code UnauthorizedOperation}
 * @param message the error's message, on one line
 */
public record SliceError(String code, String message) implements Serializable {
  /** The error of a stored outcome: null when both parts are (an ok slice). */
  public static SliceError ofNullable(String code, String message) {
    return code == null && message == null ? null : new SliceError(code, message);
  }
}
