using System.Collections;
using System.Globalization;
using System.Resources;

namespace UMeetingReports.Web.E2E.Languages;

/// <summary>
/// Every English text of the pages and of the downloads has its Chinese text: a sentence without one reaches a Chinese
/// reader in English, wherever no walk of the pages happens to show it (a sign-in slowed for one name, a download whose
/// server stopped).
/// </summary>
public sealed class TranslationCompletenessTests
{
    public static TheoryData<string, string> Resources => new()
    {
        { "UMeetingReports.Web.Resources.SharedResource", typeof(SharedResource).Assembly.GetName().Name! },
        { "UMeetingReports.Core.Export.ExportTexts", "UMeetingReports.Core" },
    };

    [Theory]
    [MemberData(nameof(Resources))]
    public void Every_english_text_has_a_chinese_text_that_is_not_empty(string baseName, string assembly)
    {
        // Arrange
        var texts = new ResourceManager(baseName, System.Reflection.Assembly.Load(assembly));

        // Act
        var english = Texts(texts, CultureInfo.InvariantCulture);
        var chinese = Texts(texts, CultureInfo.GetCultureInfo("zh-CN"));

        // Assert
        Assert.True(english.Count > 50, $"{baseName} holds only {english.Count} texts: the wrong resources were read.");
        Assert.Equal([], english.Keys.Where(key => string.IsNullOrWhiteSpace(chinese.GetValueOrDefault(key))).Order(StringComparer.Ordinal));
    }

    private static Dictionary<string, string> Texts(ResourceManager texts, CultureInfo culture) =>
        texts.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(entry => (string)entry.Key, entry => entry.Value as string ?? string.Empty, StringComparer.Ordinal);
}
