package dev.awsinventory.transforms.aws;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A slice ran past its deadline; thrown before its next AWS call, so the slice fails and its rows
 * are dropped.
 */
public final class SliceDeadlineExceededException extends SdkClientException {
  public SliceDeadlineExceededException(String message) {
    super(SdkClientException.builder().message(message));
  }

  private SliceDeadlineExceededException(Builder b) {
    super(b);
  }

  /** Keeps the class when the SDK rebuilds the exception (it adds the attempt count). */
  @Override
  public Builder toBuilder() {
    return new BuilderImpl(this) {
      @Override
      public SliceDeadlineExceededException build() {
        return new SliceDeadlineExceededException(this);
      }
    };
  }
}
