package dev.awsinventory.transforms.aws;

import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Paces every attempt through the rate limits (when on) and tells them of each answer's status,
 * counts attempts, pages and throttles, stops a slice past its deadline before its next attempt,
 * and fails a slice whose pagination does not advance (see {@link PaginationGuard}), all for the
 * {@link CallStats} the request carries (see {@link CallStats#track}).
 */
final class CallTracker implements ExecutionInterceptor {
  private final Ec2RateLimits limits;

  CallTracker(Ec2RateLimits limits) {
    this.limits = limits;
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    CallStats s = attributes.getAttribute(CallStats.ATTRIBUTE);
    if (s != null) {
      s.checkDeadline();
    }
    if (limits != null) {
      try {
        limits.acquire(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw AbortedException.create("interrupted while waiting for the rate limit");
      }
    }
    if (s != null) {
      s.attempt();
    }
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
    int status = context.httpResponse().statusCode();
    if (limits != null) {
      limits.answered(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), status);
    }
    CallStats s = attributes.getAttribute(CallStats.ATTRIBUTE);
    if (s != null && (status == 503 || status == 429)) {
      s.throttle();
    }
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    CallStats s = attributes.getAttribute(CallStats.ATTRIBUTE);
    if (s != null) {
      s.page();
      s.pagination()
          .check(
              attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
              context.request(),
              context.response());
    }
  }
}
