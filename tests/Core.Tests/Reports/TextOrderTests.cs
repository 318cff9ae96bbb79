using System.Globalization;
using UMeetingReports.Core.Reports;
using Xunit;

namespace UMeetingReports.Core.Tests.Reports;

/// <summary>Names and rooms are ordered as the reader's language orders them, and every order is total.</summary>
public sealed class TextOrderTests
{
    private static readonly string[] Names = ["Alice Chen", "张伟", "陈静", "何欣", "北京-望京 12F 会议室A", "上海-浦东 3F 小会议室", "Bob Smith"];

    [Fact]
    public void A_Chinese_reader_sees_Chinese_names_by_their_pinyin_before_Latin_ones()
    {
        var order = TextOrder.For(CultureInfo.GetCultureInfo("zh-CN"));

        Assert.Equal(["北京-望京 12F 会议室A", "陈静", "何欣", "上海-浦东 3F 小会议室", "张伟", "Alice Chen", "Bob Smith"], Names.Order(order));
    }

    [Fact]
    public void An_English_reader_sees_Latin_names_first_and_Chinese_ones_by_code_point()
    {
        var order = TextOrder.For(CultureInfo.GetCultureInfo("en"));

        Assert.Equal(["Alice Chen", "Bob Smith", "上海-浦东 3F 小会议室", "何欣", "北京-望京 12F 会议室A", "张伟", "陈静"], Names.Order(order));
        Assert.Equal(Names.Order(TextOrder.Invariant), Names.Order(order));
    }

    [Theory]
    [InlineData("Guest", "Guest\u200B")]
    [InlineData("e\u0301", "\u00E9")]
    public void Names_the_collation_finds_equal_are_still_two_names_in_a_fixed_order(string plain, string other)
    {
        var order = TextOrder.For(CultureInfo.GetCultureInfo("zh-CN"));

        Assert.Equal(0, CultureInfo.GetCultureInfo("zh-CN").CompareInfo.Compare(plain, other));
        Assert.Equal(Math.Sign(string.CompareOrdinal(plain, other)), Math.Sign(order.Compare(plain, other)));
        Assert.Equal(-Math.Sign(order.Compare(plain, other)), Math.Sign(order.Compare(other, plain)));
    }

    [Fact]
    public void The_order_of_one_language_is_one_value_whichever_way_it_is_asked_for()
    {
        var asked = TextOrder.For(new CultureInfo("zh-CN"));

        Assert.Same(TextOrder.For(CultureInfo.GetCultureInfo("zh-CN")), asked);
        Assert.Equal(TextOrder.For(CultureInfo.GetCultureInfo("zh-CN")).GetHashCode(), asked.GetHashCode());
        Assert.NotEqual(TextOrder.For(CultureInfo.GetCultureInfo("en")), asked);
        Assert.Same(TextOrder.Invariant, TextOrder.For(CultureInfo.InvariantCulture));
    }
}
