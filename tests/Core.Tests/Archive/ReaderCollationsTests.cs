using System.Globalization;
using UMeetingReports.Core.Archive;
using UMeetingReports.Core.Reports;
using UMeetingReports.Core.Tests.Support;
using Xunit;

namespace UMeetingReports.Core.Tests.Archive;

/// <summary>
/// The database is given the reader's order of text (<see cref="ReaderCollations"/>): on SQLite a collation of the
/// app's own, on PostgreSQL the server's ICU collation of the language, or none when the server has none.
/// </summary>
public sealed class ReaderCollationsTests
{
    [Theory]
    [InlineData("zh-CN", new[] { "zh-CN-x-icu", "zh-Hans-x-icu", "zh-x-icu" })]
    [InlineData("en", new[] { "en-x-icu" })]
    [InlineData("", new[] { "und-x-icu" })]
    public void PostgreSQLs_collations_of_a_language_are_tried_from_the_most_specific(string culture, string[] expected) =>
        Assert.Equal(expected, ReaderCollations.ServerCandidates(CultureInfo.GetCultureInfo(culture)));

    [Theory]
    [InlineData("zh-CN", "text_order_zh_CN")]
    [InlineData("", "text_order_invariant")]
    public void A_collation_on_SQLite_is_named_as_SQL_names_one(string culture, string expected) =>
        Assert.Equal(expected, ReaderCollations.SqliteName(TextOrder.For(CultureInfo.GetCultureInfo(culture))));
}

/// <summary>On a PostgreSQL server: the collation chosen for each language, and none where the server has none.</summary>
public sealed class ReaderCollationsOnPostgreSqlTests(PostgreSqlArchiveServer server) : IClassFixture<PostgreSqlArchiveServer>
{
    [Theory]
    [InlineData("zh-CN", "zh-Hans-x-icu")]
    [InlineData("en", "en-x-icu")]
    [InlineData("tlh", null)]
    public async Task The_servers_ICU_collation_of_the_language_is_chosen_when_it_has_one(string culture, string? expected)
    {
        await using var sim = await SharedSimulator.StartSmallAsync();
        await using var archive = await ArchiveHarness.StartAsync(sim, await server.CreateDatabaseAsync());
        await using var context = archive.Context();

        var chosen = await new ReaderCollations().PrepareAsync(context, TextOrder.For(CultureInfo.GetCultureInfo(culture)), TestContext.Current.CancellationToken);

        Assert.Equal(expected, chosen);
    }
}
