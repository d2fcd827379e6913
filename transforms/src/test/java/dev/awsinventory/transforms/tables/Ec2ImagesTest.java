package dev.awsinventory.transforms.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.Image;

class Ec2ImagesTest {
  private final List<DescribeImagesRequest> requests = new ArrayList<>();

  private final StubContext.Ec2 ec2 =
      new StubContext.Ec2() {
        @Override
        public DescribeImagesResponse describeImages(DescribeImagesRequest r) {
          requests.add(r);
          if (r.nextToken() == null) {
            return DescribeImagesResponse.builder()
                .nextToken("page-2")
                .images(
                    Image.builder()
                        .imageId("ami-1")
                        .creationDate("2024-01-31T12:00:00.000Z")
                        .deprecationTime("2026-06-30T00:00:00.000+02:00")
                        .publicLaunchPermissions(true)
                        .build(),
                    Image.builder()
                        .imageId("ami-2")
                        .creationDate("yesterday")
                        .publicLaunchPermissions(false)
                        .build())
                .build();
          }
          return DescribeImagesResponse.builder()
              .images(Image.builder().imageId("ami-3").build())
              .build();
        }
      };

  @Test
  void listsTheAccountsOwnImagesPageByPage() {
    List<Map<String, String>> rows = StubContext.rows(Ec2Images.TABLE, ec2);

    assertThat(rows).extracting(r -> r.get("image_id")).containsExactly("ami-1", "ami-2", "ami-3");
    assertThat(requests)
        .extracting(DescribeImagesRequest::owners)
        .containsExactly(List.of("self"), List.of("self"));
    assertThat(requests).extracting(DescribeImagesRequest::maxResults).containsExactly(2, 2);
    assertThat(requests)
        .extracting(DescribeImagesRequest::nextToken)
        .containsExactly(null, "page-2");
  }

  @Test
  void parsesTheIsoDatesAndThePublicFlag() {
    List<Map<String, String>> rows = StubContext.rows(Ec2Images.TABLE, ec2);

    assertThat(rows)
        .extracting(r -> r.get("creation_date"))
        .containsExactly("2024-01-31T12:00:00Z", null, null);
    assertThat(rows)
        .extracting(r -> r.get("deprecation_time"))
        .containsExactly("2026-06-29T22:00:00Z", null, null);
    assertThat(rows).extracting(r -> r.get("public")).containsExactly("true", "false", null);
    assertThat(rows)
        .extracting(r -> r.get("arn"))
        .containsExactly(
            "arn:aws:ec2:eu-west-1:123456789012:image/ami-1",
            "arn:aws:ec2:eu-west-1:123456789012:image/ami-2",
            "arn:aws:ec2:eu-west-1:123456789012:image/ami-3");
    assertThat(Ec2Images.TABLE.primaryKey()).containsExactly("account_id", "region", "arn");
  }
}
