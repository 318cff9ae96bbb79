namespace UMeetingReports.Web.E2E.Languages;

/// <summary>How the Chinese crawl tells English interface text from data that happens to hold English words.</summary>
public sealed class EnglishTextsTests
{
    [Fact]
    public void An_english_interface_text_on_a_chinese_page_is_found()
    {
        // Act
        var found = EnglishTexts.FoundIn(["会议 Show as table"], data: []);

        // Assert
        Assert.Contains("\"Show as table\" in \"会议 Show as table\"", found);
    }

    [Fact]
    public void A_value_with_line_breaks_shown_on_one_line_is_data_whatever_words_it_holds()
    {
        // Act
        var found = EnglishTexts.FoundIn(["杭州-西湖厅\t8424334925\tQuarterly plan second line"], data: ["Quarterly plan\r\nsecond line"]);

        // Assert
        Assert.Empty(found);
    }
}
