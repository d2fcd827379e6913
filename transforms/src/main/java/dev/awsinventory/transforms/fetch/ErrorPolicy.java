package dev.awsinventory.transforms.fetch;

import dev.awsinventory.transforms.postgres.RowWriter;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;

/**
 * What an error means for the run, decided in this one place (as Cartography's {@code
 * aws_handle_regions} does with named code sets). The rule, in order:
 *
 * <ol>
 *   <li>Any error while reaching an account (AssumeRole, GetCallerIdentity, DescribeRegions when a
 *       region pattern needs it) fails that account: one outcome with table and region {@code *}.
 *   <li>{@link #REGION_NOT_ENABLED_CODES}: the region is not enabled; its slices are skipped.
 *   <li>An {@link #ACCESS_DENIED_CODES access-denied} error whose message says it comes from an
 *       explicit deny in a service control policy is a {@linkplain #isRegionDenied denied region}:
 *       the (account, region) pair is reported once, or skipped with {@code denied_regions: skip}.
 *   <li>An AWS error code the table's declaration {@code tolerating(...)} names means "nothing to
 *       list there" for that call: the table's slice (or, for a child table, that parent resource)
 *       contributes no rows and succeeds.
 *   <li>Anything else thrown while listing or converting (an AWS error, a parse error, a {@code
 *       NullPointerException}, a {@code ClassCastException} in a declaration, a value that does not
 *       fit its column) fails only that slice, with the AWS error code, or else the exception's
 *       class name, as the error code. The run goes on and exits 2.
 * </ol>
 */
public final class ErrorPolicy {
  /**
   * Codes AWS answers when the caller may not make the call (EC2, STS and other query services).
   * Source: the EC2 and STS API references' "Common Errors", and Cartography's {@code
   * AWS_REGION_ACCESS_DENIED_ERROR_CODES}.
   */
  public static final Set<String> ACCESS_DENIED_CODES =
      Set.of(
          "UnauthorizedOperation",
          "AccessDenied",
          "AccessDeniedException",
          "AuthFailure",
          "AuthorizationError",
          "AuthorizationErrorException",
          "UnrecognizedClientException");

  /**
   * Codes of a region the account has not enabled (an opt-in region): its slices are skipped, not
   * failed. Such regions are normally dropped by DescribeRegions already; this covers a region
   * listed by name when DescribeRegions is denied.
   */
  public static final Set<String> REGION_NOT_ENABLED_CODES = Set.of("OptInRequired");

  /** The phrase AWS puts in the message of an access-denied error caused by an SCP. */
  public static final String SCP_DENY = "explicit deny in a service control policy";

  /**
   * The error code a slice gets when its region is denied by an SCP (the AWS code is in the
   * message).
   */
  public static final String REGION_DENIED = "RegionDenied";

  private ErrorPolicy() {}

  /**
   * Whether {@code e} is an EC2 call's explicit deny by a service control policy (the whole region
   * is denied). A denied AssumeRole is an STS error and fails the account instead.
   */
  public static boolean isRegionDenied(Throwable e) {
    return e instanceof Ec2Exception
        && isAccessDenied(e)
        && String.valueOf(Errors.message(e)).contains(SCP_DENY);
  }

  /**
   * Whether {@code e} says the account has not enabled the region ({@link
   * #REGION_NOT_ENABLED_CODES}).
   */
  public static boolean isRegionNotEnabled(Throwable e) {
    return e instanceof AwsServiceException && REGION_NOT_ENABLED_CODES.contains(Errors.code(e));
  }

  /** Whether {@code e} is an AWS error with one of {@link #ACCESS_DENIED_CODES}. */
  public static boolean isAccessDenied(Throwable e) {
    return e instanceof AwsServiceException && ACCESS_DENIED_CODES.contains(Errors.code(e));
  }

  /**
   * Whether {@code e} is an AWS error whose code is in {@code codes} (a table's tolerated codes).
   */
  public static boolean isTolerated(Throwable e, Set<String> codes) {
    return !codes.isEmpty() && e instanceof AwsServiceException && codes.contains(Errors.code(e));
  }

  /**
   * Whether a failure of table code is contained in its slice. Everything is, except the JVM's own
   * distress ({@link VirtualMachineError} such as out of memory), which no slice can recover from,
   * and rows the database would not take ({@link RowWriter.RowWriteException}), which end the run
   * as a failed write step does; a stack overflow (a recursive bug in one declaration) stays in its
   * slice.
   */
  public static boolean failsOnlyItsSlice(Throwable e) {
    if (e instanceof RowWriter.RowWriteException) {
      return false;
    }
    return !(e instanceof VirtualMachineError) || e instanceof StackOverflowError;
  }
}
