package dev.awsinventory.transforms.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.protocols.query.internal.unmarshall.QueryProtocolUnmarshaller;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

/** The streaming reader alone, on hand-written documents, beside the SDK's own unmarshaller. */
class Ec2XmlReaderTest {
  /**
   * A page with the cases where a reader could differ from the SDK's: a repeated element (the first
   * counts), an element without text (the empty string), unknown elements (skipped, nested ones
   * too), list members of any element name, an escaped character, an empty list (an empty list, not
   * an absent one), and a field after a list.
   */
  private static final String PAGE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- a comment -->
      <DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
        <requestId>5e1f3c9a-0000-4000-8000-000000000001</requestId>
        <reservationSet>
          <item>
            <reservationId>r-1</reservationId>
            <groupSet/>
            <instancesSet>
              <item>
                <instanceId>i-1</instanceId>
                <instanceId>i-repeated</instanceId>
                <kernelId></kernelId>
                <ramdiskId/>
                <launchTime>2026-11-30T12:00:00.000Z</launchTime>
                <amiLaunchIndex>3</amiLaunchIndex>
                <ebsOptimized>true</ebsOptimized>
                <notInTheModel><item><instanceId>i-inner</instanceId></item></notInTheModel>
                <tagSet>
                  <item><key>Name</key><value>a &amp; b</value></item>
                  <member><key>team</key><value> x </value></member>
                </tagSet>
                <imageId>ami-1</imageId>
              </item>
            </instancesSet>
          </item>
        </reservationSet>
        <nextToken>token-2</nextToken>
      </DescribeInstancesResponse>
      """;

  private static Ec2XmlReader.Read read(String xml) throws XMLStreamException {
    return Ec2XmlReader.read(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)),
        DescribeInstancesResponse.builder());
  }

  private static DescribeInstancesResponse readBySdk(String xml) throws Exception {
    return QueryProtocolUnmarshaller.builder()
        .hasResultWrapper(false)
        .build()
        .<DescribeInstancesResponse>unmarshall(
            DescribeInstancesResponse.builder(),
            SdkHttpFullResponse.builder()
                .statusCode(200)
                .content(
                    AbortableInputStream.create(
                        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))))
                .build())
        .left();
  }

  @Test
  void readsAPageAsTheSdkDoes() throws Exception {
    Ec2XmlReader.Read read = read(PAGE);
    DescribeInstancesResponse page = ((DescribeInstancesResponse.Builder) read.builder()).build();

    assertThat(read.requestId()).isEqualTo("5e1f3c9a-0000-4000-8000-000000000001");
    assertThat(page.nextToken()).isEqualTo("token-2");
    assertThat(page.reservations()).hasSize(1);
    assertThat(page.reservations().get(0).hasGroups()).isTrue();
    assertThat(page.reservations().get(0).groups()).isEmpty();
    Instance i = page.reservations().get(0).instances().get(0);
    assertThat(i.instanceId()).isEqualTo("i-1");
    assertThat(i.kernelId()).isEmpty();
    assertThat(i.ramdiskId()).isEmpty();
    assertThat(i.launchTime()).isEqualTo(Instant.parse("2026-11-30T12:00:00Z"));
    assertThat(i.amiLaunchIndex()).isEqualTo(3);
    assertThat(i.ebsOptimized()).isTrue();
    assertThat(i.imageId()).isEqualTo("ami-1");
    assertThat(i.hasBlockDeviceMappings()).isFalse();
    assertThat(i.tags())
        .containsExactly(
            Tag.builder().key("Name").value("a & b").build(),
            Tag.builder().key("team").value(" x ").build());

    assertThat(page.toString()).isEqualTo(readBySdk(PAGE).toString());
    assertThat(page.equalsBySdkFields(readBySdk(PAGE))).isTrue();
  }

  @Test
  void anEmptyResponseHasNoFieldsSet() throws Exception {
    String xml = "<DescribeInstancesResponse/>";
    Ec2XmlReader.Read read = read(xml);
    DescribeInstancesResponse page = ((DescribeInstancesResponse.Builder) read.builder()).build();

    assertThat(read.requestId()).isNull();
    assertThat(page.hasReservations()).isFalse();
    assertThat(page.nextToken()).isNull();
    assertThat(page.equalsBySdkFields(readBySdk(xml))).isTrue();
  }

  @Test
  void aBodyThatIsNotWellFormedFails() {
    String cut = PAGE.substring(0, PAGE.indexOf("<imageId>") + 12);
    assertThatThrownBy(() -> read(cut)).isInstanceOf(XMLStreamException.class);
    assertThatThrownBy(() -> read("<a><b></a>")).isInstanceOf(XMLStreamException.class);
    assertThatThrownBy(() -> read("")).isInstanceOf(XMLStreamException.class);
  }

  @Test
  void aNumberThatIsNotOneFailsAsTheSdkFails() {
    String xml = PAGE.replace("<amiLaunchIndex>3<", "<amiLaunchIndex>three<");
    assertThatThrownBy(() -> read(xml)).isInstanceOf(NumberFormatException.class);
    assertThatThrownBy(() -> readBySdk(xml)).isInstanceOf(NumberFormatException.class);
  }

  @Test
  void aDocumentTypeDeclarationIsNotFollowed() {
    String xml =
        "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<DescribeInstancesResponse><nextToken>&x;</nextToken></DescribeInstancesResponse>";
    assertThatThrownBy(() -> read(xml)).isInstanceOf(XMLStreamException.class);
  }

  @Test
  void onlyEc2OperationsAreReadHere() {
    assertThat(StreamedUnmarshalling.responseBuilder(DescribeInstancesRequest.class)).isPresent();
    assertThat(StreamedUnmarshalling.responseBuilder(String.class)).isEmpty();
    assertThat(
            StreamedUnmarshalling.responseBuilder(
                software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest.class))
        .isEmpty();
  }
}
