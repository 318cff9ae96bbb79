using UMeetingReports.Core.Privacy;
using Xunit;

namespace UMeetingReports.Core.Tests.Privacy;

public sealed class PhoneNumberMaskTests
{
    [Theory]
    [InlineData("+8613712349201", "+86 137****9201")]
    [InlineData("+14155552671", "+1 41****2671")]
    [InlineData("+447911123456", "+44 79****3456")]
    [InlineData("+79161234567", "+7 91****4567")]
    [InlineData("+85291234567", "+852 ****4567")]
    [InlineData("+35312345678", "+353 ****5678")]
    [InlineData("+4915123456789", "+49 151****6789")]
    public void Keeps_the_country_code_up_to_three_first_digits_and_the_last_four_and_hides_at_least_four(string number, string masked)
    {
        Assert.Equal(masked, PhoneNumberMask.Mask(number));
    }

    [Theory]
    [InlineData("+86 137-1234-9201")]
    [InlineData("+86 (137) 1234.9201")]
    public void Reads_a_number_written_with_separators(string number)
    {
        Assert.Equal("+86 137****9201", PhoneNumberMask.Mask(number));
    }

    [Theory]
    [InlineData("13712349201", "*******9201")]
    [InlineData("+86123", "******")]
    [InlineData("12", "**")]
    [InlineData("1234", "****")]
    [InlineData("+", "*")]
    [InlineData("ext. 5567-2", "*******67-2")]
    [InlineData("+1234567890123456789", "****************6789")]
    [InlineData("0086 137 1234 9201", "**************9201")]
    public void Hides_all_but_the_last_four_of_an_unknown_shape_and_everything_of_a_short_one(string number, string masked)
    {
        Assert.Equal(masked, PhoneNumberMask.Mask(number));
    }

    [Fact]
    public void Leaves_an_empty_number_empty()
    {
        Assert.Equal("", PhoneNumberMask.Mask(""));
        Assert.Equal("", PhoneNumberMask.Mask(null!));
    }

    [Fact]
    public void Never_cuts_a_character_of_an_odd_input_in_half()
    {
        var masked = PhoneNumberMask.Mask("call me📞xyz");

        Assert.Equal("*********xyz", masked);
        Assert.DoesNotContain(masked, char.IsSurrogate);
    }

    [Theory]
    [InlineData("+8613712349201")]
    [InlineData("+14155552671")]
    [InlineData("+447911123456")]
    [InlineData("+6591234567")]
    [InlineData("+2348031234567")]
    public void Never_shows_more_than_the_country_code_three_leading_and_four_trailing_digits(string number)
    {
        var masked = PhoneNumberMask.Mask(number);

        var national = masked[(masked.IndexOf(' ', StringComparison.Ordinal) + 1)..];
        Assert.True(national.Count(char.IsAsciiDigit) <= 7, masked);
        Assert.True(national.Count(character => character == '*') >= 3, masked);
        Assert.Equal(number.Length - masked.IndexOf(' ', StringComparison.Ordinal), national.Length);
        Assert.DoesNotContain(number[1..], masked, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("+8613712349201", "+86 137****9201")]
    [InlineData("137 1234 9201", "*********9201")]
    [InlineData("Li Lei", "Li Lei")]
    [InlineData("=1+1", "=1+1")]
    [InlineData("Room 101", "Room 101")]
    [InlineData("123456", "123456")]
    public void Masks_a_participant_name_only_when_it_is_a_phone_number(string name, string shown)
    {
        Assert.Equal(shown, PhoneNumberMask.MaskIfPhoneNumber(name));
    }

    [Theory]
    [InlineData("１３７１２３４９２０１")]
    [InlineData("＋８６１３７１２３４９２０１")]
    [InlineData("137​1234​9201")]
    public void Masks_a_name_typed_in_full_width_digits_or_with_invisible_characters_as_the_number_it_is(string name)
    {
        // Act
        var shown = PhoneNumberMask.MaskIfPhoneNumber(name);

        // Assert: no more than the last four digits, in whatever width they were typed.
        Assert.True(PhoneNumberMask.LooksLikePhoneNumber(name));
        Assert.NotEqual(name, shown);
        Assert.DoesNotContain("1234", shown.Normalize(System.Text.NormalizationForm.FormKC).Replace("\u200b", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }
}
