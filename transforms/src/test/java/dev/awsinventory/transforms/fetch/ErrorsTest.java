package dev.awsinventory.transforms.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class ErrorsTest {
  @Test
  void masksAccessKeyIdsButKeepsTheirKind() {
    assertThat(Errors.redact("key AKIAIOSFODNN7EXAMPLE and ASIAY34FZKBOKMUTVV7A denied"))
        .isEqualTo("key AKIA*** and ASIA*** denied");
  }

  @Test
  void masksTheValueOfEverySecretNamedPair() {
    assertThat(Errors.redact("secret_access_key=wJalrXUtnFEMI/K7MDENG, next"))
        .isEqualTo("secret_access_key=***, next");
    assertThat(Errors.redact("SessionToken: FwoGZXIvYXdzEJr end"))
        .isEqualTo("SessionToken: *** end");
    assertThat(Errors.redact("{\"password\": \"hunter2\"}")).isEqualTo("{\"password\": \"***\"}");
    assertThat(Errors.redact("url?X-Amz-Security-Token=IQoJb3&x=1"))
        .isEqualTo("url?X-Amz-Security-Token=***&x=1");
    assertThat(Errors.redact("secret access key 'abc'")).isEqualTo("secret access key '***'");
    assertThat(Errors.redact("ALTER ROLE x PASSWORD 'hunter2'"))
        .isEqualTo("ALTER ROLE x PASSWORD '***'");
  }

  @Test
  void leavesOrdinaryTextAloneAndNullNull() {
    assertThat(Errors.redact("You are not authorized to perform this operation."))
        .isEqualTo("You are not authorized to perform this operation.");
    assertThat(Errors.redact("FATAL: password authentication failed for user \"inventory\""))
        .isEqualTo("FATAL: password authentication failed for user \"inventory\"");
    assertThat(Errors.redact("the server asked for a password but no password was provided."))
        .isEqualTo("the server asked for a password but no password was provided.");
    assertThat(Errors.redact(null)).isNull();
  }

  @Test
  void cutsLongMessagesAt500Characters() {
    String redacted = Errors.redact("x".repeat(600));
    assertThat(redacted).hasSize(503).endsWith("x...");
    assertThat(Errors.redact("y".repeat(500))).isEqualTo("y".repeat(500));
  }

  @Test
  void messagesAreOneRedactedLineAndCodesAreAwssOrTheClassName() {
    AwsServiceException denied =
        AwsServiceException.builder()
            .awsErrorDetails(
                AwsErrorDetails.builder()
                    .errorCode("UnauthorizedOperation")
                    .errorMessage("no\n  access for AKIAIOSFODNN7EXAMPLE")
                    .build())
            .build();
    assertThat(Errors.code(denied)).isEqualTo("UnauthorizedOperation");
    assertThat(Errors.message(denied)).isEqualTo("no access for AKIA***");
    assertThat(Errors.code(SdkClientException.create("connection refused")))
        .isEqualTo("ClientError");
    assertThat(Errors.code(new IllegalStateException("x"))).isEqualTo("IllegalStateException");
    assertThat(Errors.message(new IllegalStateException((String) null))).isEqualTo("null");
  }
}
