package dev.awsinventory.transforms.tables;

import dev.awsinventory.transforms.model.ColumnType;
import dev.awsinventory.transforms.model.Table;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;

/** aws_organizations_organizational_units: every OU of the organization, at any depth. */
public final class OrganizationsOrganizationalUnits {
  public static final Table<OrganizationalUnit> TABLE =
      Table.organization("aws_organizations_organizational_units", OrganizationalUnit.class)
          .description("The organizational units of the AWS Organization, at every depth.")
          .listedBy(
              "ListOrganizationalUnitsForParent",
              ctx -> ctx.organization().organizationalUnits().stream())
          .column("request_account_id", ColumnType.TEXT, (u, ctx) -> ctx.accountId())
          .primaryKey("request_account_id", "arn")
          .build();

  private OrganizationsOrganizationalUnits() {}
}
