package dev.awsinventory.testing.aws;

/** What the fault injector decided for one call. */
enum Fault {
    NONE, DROP, UNAUTHORIZED, THROTTLE, ERROR;

    ServiceError error(boolean sts) {
        return switch (this) {
            case UNAUTHORIZED -> sts
                ? new ServiceError(403, "AccessDenied", "You are not authorized to perform this operation.")
                : new ServiceError(403, "UnauthorizedOperation", "You are not authorized to perform this operation.");
            case THROTTLE -> sts
                ? new ServiceError(400, "Throttling", "Rate exceeded")
                : new ServiceError(503, "RequestLimitExceeded", "Request limit exceeded.");
            case ERROR -> sts
                ? new ServiceError(500, "InternalFailure", "An internal error has occurred.")
                : new ServiceError(500, "InternalError", "An internal error has occurred.");
            default -> throw new IllegalStateException("no error for " + this);
        };
    }
}
