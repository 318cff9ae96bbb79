using System.Globalization;
using Microsoft.Extensions.Localization;
using UMeetingReports.Web.Hosting;

namespace UMeetingReports.Web.E2E.Hosting;

/// <summary>The localizer keeps each text once found; these hold it to the culture of each request and to the resource's own answer.</summary>
public sealed class CachingStringLocalizerTests
{
    [Fact]
    public void Keeps_a_text_apart_for_each_ui_culture()
    {
        // Arrange
        var resources = new CultureLocalizer();
        var localizer = new CachingStringLocalizer(resources);

        // Act
        var english = InCulture("en", () => localizer["Meetings"].Value);
        var chinese = InCulture("zh-CN", () => localizer["Meetings"].Value);
        var englishAgain = InCulture("en", () => localizer["Meetings"].Value);

        // Assert
        Assert.Equal(("Meetings@en", "Meetings@zh-CN", "Meetings@en"), (english, chinese, englishAgain));
        Assert.Equal(2, resources.Lookups);
    }

    [Fact]
    public void Formats_arguments_in_the_request_culture_and_keeps_whether_the_text_was_found()
    {
        // Arrange
        var localizer = new CachingStringLocalizer(new CultureLocalizer { Missing = "Total {0:N0}" });

        // Act
        var text = InCulture("en", () => localizer["Total {0:N0}", 1234567]);

        // Assert
        Assert.Equal(("Total 1,234,567", true), (text.Value, text.ResourceNotFound));
    }

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    /// <summary>Answers "name@culture", or the name itself marked not found for <see cref="Missing"/>; counts the lookups.</summary>
    private sealed class CultureLocalizer : IStringLocalizer
    {
        public string? Missing { get; init; }

        public int Lookups { get; private set; }

        public LocalizedString this[string name]
        {
            get
            {
                Lookups++;
                return name == Missing
                    ? new LocalizedString(name, name, resourceNotFound: true)
                    : new LocalizedString(name, name + "@" + CultureInfo.CurrentUICulture.Name);
            }
        }

        public LocalizedString this[string name, params object[] arguments] => throw new InvalidOperationException("The caching localizer formats itself.");

        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
