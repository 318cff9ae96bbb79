using UMeetingReports.Core.Reports.Participants;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports.Participants;

public sealed class NameSearchTests
{
    [Theory]
    [InlineData("grace", "Grace Hopper")]
    [InlineData("Ｇrace", "Grace Hopper")]
    [InlineData("grace", "Ｇｒａｃｅ Hopper")]
    [InlineData("jose", "José Martí")]
    [InlineData("zhang wei’s", "Zhang Wei's iPad")]
    [InlineData("张", "张伟")]
    [InlineData("💻", "👩‍💻 Dev")]
    [InlineData("\u200d", "👩‍💻 Dev")]
    public void A_name_holding_the_text_is_found_whatever_its_case_width_or_accents(string text, string name) =>
        Assert.True(new NameSearch(text, revealPhoneNumbers: true).Matches(name));

    [Theory]
    [InlineData("\u200d", "Grace Hopper")]
    [InlineData("\u200b", "张伟")]
    [InlineData("grace", "Ada Lovelace")]
    [InlineData("李", "张伟")]
    public void Text_the_name_does_not_hold_finds_nothing_even_when_the_comparison_ignores_it(string text, string name) =>
        Assert.False(new NameSearch(text, revealPhoneNumbers: true).Matches(name));

    [Fact]
    public void The_hidden_digits_of_a_number_are_not_found_for_a_viewer()
    {
        Assert.False(new NameSearch("1234", revealPhoneNumbers: false).Matches("+8613712349201"));
        Assert.True(new NameSearch("9201", revealPhoneNumbers: false).Matches("+8613712349201"));
        Assert.True(new NameSearch("1234", revealPhoneNumbers: true).Matches("+8613712349201"));
    }

    [Fact]
    public void No_text_or_spaces_alone_find_everyone() =>
        Assert.True(new NameSearch("   ", revealPhoneNumbers: true).IsEveryone);
}
