package dev.awsinventory.transforms.tables;

import static org.assertj.core.api.Assertions.assertThat;

import dev.awsinventory.transforms.model.ResourceRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.AttributeValue;
import software.amazon.awssdk.services.ec2.model.DescribeImageAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImageAttributeResponse;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ImageAttributeName;

class Ec2ImageLastLaunchedTimesTest {
  private final List<DescribeImageAttributeRequest> requests = new ArrayList<>();

  private final StubContext.Ec2 ec2 =
      new StubContext.Ec2() {
        @Override
        public DescribeImageAttributeResponse describeImageAttribute(
            DescribeImageAttributeRequest r) {
          requests.add(r);
          DescribeImageAttributeResponse.Builder out =
              DescribeImageAttributeResponse.builder().imageId(r.imageId());
          if (r.imageId().equals("ami-1")) {
            out.lastLaunchedTime(AttributeValue.builder().value("2024-05-06T07:08:09Z").build());
          }
          return out.build();
        }
      };

  @Test
  void oneRowPerImageWithItsLastLaunchTime() {
    Image launched = Image.builder().imageId("ami-1").build();
    Image never = Image.builder().imageId("ami-2").build();
    ResourceRow launchedRow = StubContext.parentRow(Ec2Images.TABLE, launched);
    ResourceRow neverRow = StubContext.parentRow(Ec2Images.TABLE, never);

    List<Map<String, String>> rows = new ArrayList<>();
    rows.addAll(StubContext.childRows(Ec2ImageLastLaunchedTimes.TABLE, ec2, launched, launchedRow));
    rows.addAll(StubContext.childRows(Ec2ImageLastLaunchedTimes.TABLE, ec2, never, neverRow));

    assertThat(rows)
        .extracting(r -> r.get("last_launched_time"))
        .containsExactly("2024-05-06T07:08:09Z", null);
    assertThat(rows)
        .extracting(r -> r.get("image_arn"))
        .containsExactly(
            "arn:aws:ec2:eu-west-1:123456789012:image/ami-1",
            "arn:aws:ec2:eu-west-1:123456789012:image/ami-2");
    assertThat(rows)
        .extracting(r -> r.get("_cq_parent_id"))
        .containsExactly(launchedRow.value(0), neverRow.value(0));
    assertThat(requests)
        .extracting(DescribeImageAttributeRequest::imageId)
        .containsExactly("ami-1", "ami-2");
    assertThat(requests)
        .extracting(DescribeImageAttributeRequest::attribute)
        .containsOnly(ImageAttributeName.LAST_LAUNCHED_TIME);
  }
}
