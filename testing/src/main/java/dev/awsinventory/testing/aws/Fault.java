package dev.awsinventory.testing.aws;

/** What the fault injector decided for one call. */
enum Fault {
  NONE,
  DROP,
  UNAUTHORIZED,
  SCP_DENY,
  THROTTLE,
  ERROR;

  ServiceError error(boolean sts) {
    return switch (this) {
      case UNAUTHORIZED ->
          sts
              ? new ServiceError(
                  403, "AccessDenied", "You are not authorized to perform this operation.")
              : new ServiceError(
                  403,
                  "UnauthorizedOperation",
                  "You are not authorized to perform this operation.");
      case SCP_DENY ->
          new ServiceError(
              403,
              "UnauthorizedOperation",
              "You are not authorized to perform this "
                  + "operation. User: arn:aws:sts::000000000000:assumed-role/InventoryRead/aws-inventory is not authorized "
                  + "to perform: ec2:Describe* with an explicit deny in a service control policy");
      case THROTTLE ->
          sts
              ? new ServiceError(400, "Throttling", "Rate exceeded")
              : new ServiceError(503, "RequestLimitExceeded", "Request limit exceeded.");
      case ERROR ->
          sts
              ? new ServiceError(500, "InternalFailure", "An internal error has occurred.")
              : new ServiceError(500, "InternalError", "An internal error has occurred.");
      default -> throw new IllegalStateException("no error for " + this);
    };
  }
}
