package dev.awsinventory.transforms.aws;

import software.amazon.awssdk.core.exception.SdkClientException;

/** A paginated call kept returning NextTokens it had returned before; fails the slice. */
public final class PaginationStalledException extends SdkClientException {
  PaginationStalledException(String message) {
    super(SdkClientException.builder().message(message));
  }

  private PaginationStalledException(Builder b) {
    super(b);
  }

  /** Keeps the class when the SDK rebuilds the exception (it adds the attempt count). */
  @Override
  public Builder toBuilder() {
    return new BuilderImpl(this) {
      @Override
      public PaginationStalledException build() {
        return new PaginationStalledException(this);
      }
    };
  }
}
