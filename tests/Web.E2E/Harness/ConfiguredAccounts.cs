namespace UMeetingReports.Web.E2E.Harness;

/// <summary>The test classes that share one <see cref="AccountsServer"/> (a class fixture would start one per class).</summary>
[CollectionDefinition(Name)]
public sealed class ConfiguredAccounts : ICollectionFixture<AccountsServer>
{
    public const string Name = "Configured accounts";
}
