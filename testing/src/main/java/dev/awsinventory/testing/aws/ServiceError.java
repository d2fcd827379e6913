package dev.awsinventory.testing.aws;

/** An error the fake answers with, rendered in the EC2 or the STS (awsQuery) error shape. */
final class ServiceError extends RuntimeException {

  private final String code;
  private final int status;

  ServiceError(int status, String code, String message) {
    super(message);
    this.code = code;
    this.status = status;
  }

  String code() {
    return code;
  }

  int status() {
    return status;
  }

  String ec2Xml(String requestId) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>"
        + XmlWriter.escape(code)
        + "</Code><Message>"
        + XmlWriter.escape(getMessage())
        + "</Message></Error></Errors><RequestID>"
        + requestId
        + "</RequestID></Response>";
  }

  String stsXml(String requestId) {
    String type = status >= 500 ? "Receiver" : "Sender";
    return "<ErrorResponse xmlns=\""
        + StsService.NAMESPACE
        + "\"><Error><Type>"
        + type
        + "</Type><Code>"
        + XmlWriter.escape(code)
        + "</Code><Message>"
        + XmlWriter.escape(getMessage())
        + "</Message></Error><RequestId>"
        + requestId
        + "</RequestId></ErrorResponse>";
  }
}
