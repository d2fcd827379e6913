package dev.awsinventory.transforms.aws;

import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ServiceClientConfiguration;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAccountAttributesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeByoipCidrsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeByoipCidrsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeCapacityReservationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeCapacityReservationsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeCustomerGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeCustomerGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeDhcpOptionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeEgressOnlyInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeEgressOnlyInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeFlowLogsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeFlowLogsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeHostsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeHostsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImageAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImageAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceConnectEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceConnectEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceStatusResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeKeyPairsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeManagedPrefixListsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeManagedPrefixListsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkAclsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeReservedInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSnapshotsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSpotFleetInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSpotFleetInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSpotFleetRequestsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSpotFleetRequestsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSpotInstanceRequestsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSpotInstanceRequestsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewayAttachmentsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewayAttachmentsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewayMulticastDomainsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewayMulticastDomainsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewayPeeringAttachmentsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewayPeeringAttachmentsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewayRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewayRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewayVpcAttachmentsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewayVpcAttachmentsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeTransitGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumeStatusRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumeStatusResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVolumesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointConnectionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointConnectionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServiceConfigurationsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServiceConfigurationsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicePermissionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicePermissionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointServicesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcEndpointsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcPeeringConnectionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcPeeringConnectionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpnConnectionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpnConnectionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpnGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpnGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.GetEbsDefaultKmsKeyIdRequest;
import software.amazon.awssdk.services.ec2.model.GetEbsDefaultKmsKeyIdResponse;
import software.amazon.awssdk.services.ec2.model.GetEbsEncryptionByDefaultRequest;
import software.amazon.awssdk.services.ec2.model.GetEbsEncryptionByDefaultResponse;

/**
 * The shared EC2 client as one slice sees it: each operation the tables call sends its request,
 * carrying the slice's {@link CallStats}, to the shared client (its connections, credentials and
 * rate limits), where {@link CallTracker} counts and enforces. The interface's own default methods
 * do the rest on this object: a builder-consumer or no-argument form builds the request and calls
 * the form below, and a paginator asks this object for every page, so every page is tracked.
 *
 * <p>Only the operations the tables call are here: any other throws the SDK's {@link
 * UnsupportedOperationException} (the interface's default), so a table that calls a new operation
 * fails its slice loudly until the operation is added (every table runs end to end in {@code
 * AllTablesTest}). This is a plain class rather than a {@link java.lang.reflect.Proxy} of {@link
 * Ec2Client}: a proxy's class initializes the request and response classes of all of EC2's
 * operations (about 1,400) when it is first made, which took about 0.9 s of every run.
 */
final class SliceEc2Client implements Ec2Client {
  private final Ec2Client client;
  private final CallStats stats;

  SliceEc2Client(Ec2Client client, CallStats stats) {
    this.client = client;
    this.stats = stats;
  }

  @Override
  public String serviceName() {
    return client.serviceName();
  }

  @Override
  public Ec2ServiceClientConfiguration serviceClientConfiguration() {
    return client.serviceClientConfiguration();
  }

  /** Does nothing: the shared client outlives the slice. */
  @Override
  public void close() {}

  @Override
  public DescribeAccountAttributesResponse describeAccountAttributes(
      DescribeAccountAttributesRequest request) {
    return client.describeAccountAttributes(stats.tagged(request));
  }

  @Override
  public DescribeAddressesResponse describeAddresses(DescribeAddressesRequest request) {
    return client.describeAddresses(stats.tagged(request));
  }

  @Override
  public DescribeByoipCidrsResponse describeByoipCidrs(DescribeByoipCidrsRequest request) {
    return client.describeByoipCidrs(stats.tagged(request));
  }

  @Override
  public DescribeCapacityReservationsResponse describeCapacityReservations(
      DescribeCapacityReservationsRequest request) {
    return client.describeCapacityReservations(stats.tagged(request));
  }

  @Override
  public DescribeCustomerGatewaysResponse describeCustomerGateways(
      DescribeCustomerGatewaysRequest request) {
    return client.describeCustomerGateways(stats.tagged(request));
  }

  @Override
  public DescribeDhcpOptionsResponse describeDhcpOptions(DescribeDhcpOptionsRequest request) {
    return client.describeDhcpOptions(stats.tagged(request));
  }

  @Override
  public DescribeEgressOnlyInternetGatewaysResponse describeEgressOnlyInternetGateways(
      DescribeEgressOnlyInternetGatewaysRequest request) {
    return client.describeEgressOnlyInternetGateways(stats.tagged(request));
  }

  @Override
  public DescribeFlowLogsResponse describeFlowLogs(DescribeFlowLogsRequest request) {
    return client.describeFlowLogs(stats.tagged(request));
  }

  @Override
  public DescribeHostsResponse describeHosts(DescribeHostsRequest request) {
    return client.describeHosts(stats.tagged(request));
  }

  @Override
  public DescribeImageAttributeResponse describeImageAttribute(
      DescribeImageAttributeRequest request) {
    return client.describeImageAttribute(stats.tagged(request));
  }

  @Override
  public DescribeImagesResponse describeImages(DescribeImagesRequest request) {
    return client.describeImages(stats.tagged(request));
  }

  @Override
  public DescribeInstanceConnectEndpointsResponse describeInstanceConnectEndpoints(
      DescribeInstanceConnectEndpointsRequest request) {
    return client.describeInstanceConnectEndpoints(stats.tagged(request));
  }

  @Override
  public DescribeInstanceStatusResponse describeInstanceStatus(
      DescribeInstanceStatusRequest request) {
    return client.describeInstanceStatus(stats.tagged(request));
  }

  @Override
  public DescribeInstanceTypesResponse describeInstanceTypes(DescribeInstanceTypesRequest request) {
    return client.describeInstanceTypes(stats.tagged(request));
  }

  @Override
  public DescribeInstancesResponse describeInstances(DescribeInstancesRequest request) {
    return client.describeInstances(stats.tagged(request));
  }

  @Override
  public DescribeInternetGatewaysResponse describeInternetGateways(
      DescribeInternetGatewaysRequest request) {
    return client.describeInternetGateways(stats.tagged(request));
  }

  @Override
  public DescribeKeyPairsResponse describeKeyPairs(DescribeKeyPairsRequest request) {
    return client.describeKeyPairs(stats.tagged(request));
  }

  @Override
  public DescribeLaunchTemplateVersionsResponse describeLaunchTemplateVersions(
      DescribeLaunchTemplateVersionsRequest request) {
    return client.describeLaunchTemplateVersions(stats.tagged(request));
  }

  @Override
  public DescribeLaunchTemplatesResponse describeLaunchTemplates(
      DescribeLaunchTemplatesRequest request) {
    return client.describeLaunchTemplates(stats.tagged(request));
  }

  @Override
  public DescribeManagedPrefixListsResponse describeManagedPrefixLists(
      DescribeManagedPrefixListsRequest request) {
    return client.describeManagedPrefixLists(stats.tagged(request));
  }

  @Override
  public DescribeNatGatewaysResponse describeNatGateways(DescribeNatGatewaysRequest request) {
    return client.describeNatGateways(stats.tagged(request));
  }

  @Override
  public DescribeNetworkAclsResponse describeNetworkAcls(DescribeNetworkAclsRequest request) {
    return client.describeNetworkAcls(stats.tagged(request));
  }

  @Override
  public DescribeNetworkInterfacesResponse describeNetworkInterfaces(
      DescribeNetworkInterfacesRequest request) {
    return client.describeNetworkInterfaces(stats.tagged(request));
  }

  @Override
  public DescribeRegionsResponse describeRegions(DescribeRegionsRequest request) {
    return client.describeRegions(stats.tagged(request));
  }

  @Override
  public DescribeReservedInstancesResponse describeReservedInstances(
      DescribeReservedInstancesRequest request) {
    return client.describeReservedInstances(stats.tagged(request));
  }

  @Override
  public DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest request) {
    return client.describeRouteTables(stats.tagged(request));
  }

  @Override
  public DescribeSecurityGroupsResponse describeSecurityGroups(
      DescribeSecurityGroupsRequest request) {
    return client.describeSecurityGroups(stats.tagged(request));
  }

  @Override
  public DescribeSnapshotAttributeResponse describeSnapshotAttribute(
      DescribeSnapshotAttributeRequest request) {
    return client.describeSnapshotAttribute(stats.tagged(request));
  }

  @Override
  public DescribeSnapshotsResponse describeSnapshots(DescribeSnapshotsRequest request) {
    return client.describeSnapshots(stats.tagged(request));
  }

  @Override
  public DescribeSpotFleetInstancesResponse describeSpotFleetInstances(
      DescribeSpotFleetInstancesRequest request) {
    return client.describeSpotFleetInstances(stats.tagged(request));
  }

  @Override
  public DescribeSpotFleetRequestsResponse describeSpotFleetRequests(
      DescribeSpotFleetRequestsRequest request) {
    return client.describeSpotFleetRequests(stats.tagged(request));
  }

  @Override
  public DescribeSpotInstanceRequestsResponse describeSpotInstanceRequests(
      DescribeSpotInstanceRequestsRequest request) {
    return client.describeSpotInstanceRequests(stats.tagged(request));
  }

  @Override
  public DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest request) {
    return client.describeSubnets(stats.tagged(request));
  }

  @Override
  public DescribeTransitGatewayAttachmentsResponse describeTransitGatewayAttachments(
      DescribeTransitGatewayAttachmentsRequest request) {
    return client.describeTransitGatewayAttachments(stats.tagged(request));
  }

  @Override
  public DescribeTransitGatewayMulticastDomainsResponse describeTransitGatewayMulticastDomains(
      DescribeTransitGatewayMulticastDomainsRequest request) {
    return client.describeTransitGatewayMulticastDomains(stats.tagged(request));
  }

  @Override
  public DescribeTransitGatewayPeeringAttachmentsResponse describeTransitGatewayPeeringAttachments(
      DescribeTransitGatewayPeeringAttachmentsRequest request) {
    return client.describeTransitGatewayPeeringAttachments(stats.tagged(request));
  }

  @Override
  public DescribeTransitGatewayRouteTablesResponse describeTransitGatewayRouteTables(
      DescribeTransitGatewayRouteTablesRequest request) {
    return client.describeTransitGatewayRouteTables(stats.tagged(request));
  }

  @Override
  public DescribeTransitGatewayVpcAttachmentsResponse describeTransitGatewayVpcAttachments(
      DescribeTransitGatewayVpcAttachmentsRequest request) {
    return client.describeTransitGatewayVpcAttachments(stats.tagged(request));
  }

  @Override
  public DescribeTransitGatewaysResponse describeTransitGateways(
      DescribeTransitGatewaysRequest request) {
    return client.describeTransitGateways(stats.tagged(request));
  }

  @Override
  public DescribeVolumeStatusResponse describeVolumeStatus(DescribeVolumeStatusRequest request) {
    return client.describeVolumeStatus(stats.tagged(request));
  }

  @Override
  public DescribeVolumesResponse describeVolumes(DescribeVolumesRequest request) {
    return client.describeVolumes(stats.tagged(request));
  }

  @Override
  public DescribeVpcEndpointConnectionsResponse describeVpcEndpointConnections(
      DescribeVpcEndpointConnectionsRequest request) {
    return client.describeVpcEndpointConnections(stats.tagged(request));
  }

  @Override
  public DescribeVpcEndpointServiceConfigurationsResponse describeVpcEndpointServiceConfigurations(
      DescribeVpcEndpointServiceConfigurationsRequest request) {
    return client.describeVpcEndpointServiceConfigurations(stats.tagged(request));
  }

  @Override
  public DescribeVpcEndpointServicePermissionsResponse describeVpcEndpointServicePermissions(
      DescribeVpcEndpointServicePermissionsRequest request) {
    return client.describeVpcEndpointServicePermissions(stats.tagged(request));
  }

  @Override
  public DescribeVpcEndpointServicesResponse describeVpcEndpointServices(
      DescribeVpcEndpointServicesRequest request) {
    return client.describeVpcEndpointServices(stats.tagged(request));
  }

  @Override
  public DescribeVpcEndpointsResponse describeVpcEndpoints(DescribeVpcEndpointsRequest request) {
    return client.describeVpcEndpoints(stats.tagged(request));
  }

  @Override
  public DescribeVpcPeeringConnectionsResponse describeVpcPeeringConnections(
      DescribeVpcPeeringConnectionsRequest request) {
    return client.describeVpcPeeringConnections(stats.tagged(request));
  }

  @Override
  public DescribeVpcsResponse describeVpcs(DescribeVpcsRequest request) {
    return client.describeVpcs(stats.tagged(request));
  }

  @Override
  public DescribeVpnConnectionsResponse describeVpnConnections(
      DescribeVpnConnectionsRequest request) {
    return client.describeVpnConnections(stats.tagged(request));
  }

  @Override
  public DescribeVpnGatewaysResponse describeVpnGateways(DescribeVpnGatewaysRequest request) {
    return client.describeVpnGateways(stats.tagged(request));
  }

  @Override
  public GetEbsDefaultKmsKeyIdResponse getEbsDefaultKmsKeyId(GetEbsDefaultKmsKeyIdRequest request) {
    return client.getEbsDefaultKmsKeyId(stats.tagged(request));
  }

  @Override
  public GetEbsEncryptionByDefaultResponse getEbsEncryptionByDefault(
      GetEbsEncryptionByDefaultRequest request) {
    return client.getEbsEncryptionByDefault(stats.tagged(request));
  }
}
