using System.Globalization;
using System.Resources;
using Microsoft.Extensions.Localization;
using UMeetingReports.Core.Reports.MeetingDetail;
using UMeetingReports.Core.Upstream;
using UMeetingReports.Web.Pages.Downloads;
using UMeetingReports.Web.Pages.Meeting;
using UMeetingReports.Web.Pages.Shared;

namespace UMeetingReports.Web.E2E.Languages;

/// <summary>
/// Core gives a meeting's data flaws and the meeting service's failures as codes with facts; the pages word them.
/// Every code has its words in both languages (the crawl meets only the failures it can provoke).
/// </summary>
public sealed class CodedTextsTests
{
    private static readonly ResourceManager Resources = new("UMeetingReports.Web.Resources.SharedResource", typeof(SharedResource).Assembly);

    private static readonly DateTimeOffset Nine = new(2025, 5, 6, 9, 0, 0, TimeSpan.FromHours(8));

    public static TheoryData<UnreachableCause> WordedCauses => [.. Enum.GetValues<UnreachableCause>().Where(cause => cause != UnreachableCause.Noted)];

    public static TheoryData<DataFlawKind> FlawKinds => [.. Enum.GetValues<DataFlawKind>()];

    [Theory]
    [MemberData(nameof(WordedCauses))]
    public void Every_reason_the_meeting_service_gave_no_answer_reads_in_English_and_in_Chinese(UnreachableCause cause)
    {
        // Arrange
        var reason = new UnreachableReason(cause, "7", "8", "9", "10");

        // Act
        var english = UnreachableText.Of(new ResourceLocalizer("en"), reason);
        var chinese = UnreachableText.Of(new ResourceLocalizer("zh-CN"), reason);

        // Assert
        Assert.Equal(string.Format(CultureInfo.InvariantCulture, reason.Template, "7", "8", "9", "10"), english);
        Assert.Equal(reason.Describe(), english);
        Assert.NotEqual(english, chinese);
        Assert.Contains(chinese, character => character is >= '\u4e00' and <= '\u9fff');
    }

    [Fact]
    public void A_sentence_kept_from_elsewhere_is_shown_as_it_was_written()
    {
        // Act
        var shown = UnreachableText.Of(new ResourceLocalizer("zh-CN"), UnreachableReason.Noted("The month 2025-05 was not archived: disk full"));

        // Assert
        Assert.Equal("The month 2025-05 was not archived: disk full", shown);
    }

    [Theory]
    [MemberData(nameof(FlawKinds))]
    public void Every_flaw_in_a_meetings_data_reads_in_English_as_Core_describes_it_and_in_Chinese(DataFlawKind kind)
    {
        // Arrange
        var flaw = new DataFlaw(kind, kind == DataFlawKind.EndBeforeStart ? null : "李雷", Nine.AddMinutes(10), Nine.AddMinutes(5));

        // Act
        var english = DataFlawText.Of(new ResourceLocalizer("en"), flaw);
        var chinese = DataFlawText.Of(new ResourceLocalizer("zh-CN"), flaw);

        // Assert: the same facts as Core's English description, the names in Chinese quotes either way.
        Assert.False(english.ResourceNotFound || chinese.ResourceNotFound);
        Assert.Equal(flaw.Describe().Replace("'李雷'", "“李雷”", StringComparison.Ordinal), english.Value);
        Assert.Contains("2025-05-06 09:10:00", chinese.Value, StringComparison.Ordinal);
        Assert.Contains("2025-05-06 09:05:00", chinese.Value, StringComparison.Ordinal);
        Assert.DoesNotContain("joined", chinese.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void A_background_jobs_stored_failure_keeps_its_reasons_code_and_facts()
    {
        // Arrange
        var failure = new UpstreamUnreachable(new DatePeriod(new(2025, 5, 1), new(2025, 5, 31)), UnreachableReason.Of(UnreachableCause.PageShort, 2, 0, 600, 300));

        // Act
        var read = StoredFailure.Read(StoredFailure.Write(failure));

        // Assert
        Assert.Equal(failure, read);
        Assert.Contains("\"Cause\":\"PageShort\"", StoredFailure.Write(failure), StringComparison.Ordinal);
    }

    [Fact]
    public void A_failure_stored_before_reasons_had_codes_is_read_as_its_sentence()
    {
        // Act
        var read = StoredFailure.Read("""{"Kind":1,"From":"2025-05-01","To":"2025-05-31","Status":null,"Message":null,"Reason":"HTTP 503","Answered":null}""");

        // Assert
        var unreachable = Assert.IsType<UpstreamUnreachable>(read);
        Assert.Equal((UnreachableCause.Noted, "HTTP 503"), (unreachable.Why.Cause, unreachable.Reason));
    }

    /// <summary>The app's own resources in one culture, as the pages' localizer reads them (a missing text comes back as its key).</summary>
    private sealed class ResourceLocalizer(string culture) : IStringLocalizer
    {
        private readonly CultureInfo _culture = CultureInfo.GetCultureInfo(culture);

        public LocalizedString this[string name] => Find(name, []);

        public LocalizedString this[string name, params object[] arguments] => Find(name, arguments);

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];

        private LocalizedString Find(string name, object[] arguments)
        {
            // The English texts are the neutral resources; Chinese has a set of its own.
            var set = _culture.Name == "en" ? CultureInfo.InvariantCulture : _culture;
            var found = Resources.GetResourceSet(set, createIfNotExists: true, tryParents: false)?.GetString(name);
            return new LocalizedString(name, string.Format(_culture, found ?? name, arguments), resourceNotFound: found is null);
        }
    }
}
