using UMeetingReports.Core.Upstream;
using Xunit;

namespace UMeetingReports.Core.Tests.Upstream;

public sealed class PagePlanTests
{
    [Fact]
    public void Takes_a_page_that_lies_inside_one_window_from_that_windows_page_of_the_same_number()
    {
        var plan = PagePlan.For([100, 50], pageSize: 30, pageNumber: 2);

        Assert.Equal([new PagePart(Window: 0, UpstreamPage: 2, Skip: 0, Take: 30)], plan);
    }

    [Fact]
    public void Composes_a_page_that_straddles_two_windows_from_the_end_of_one_and_the_start_of_the_next()
    {
        // Window 0 holds records 0..44; page 2 of 30 is records 30..59.
        var plan = PagePlan.For([45, 80], pageSize: 30, pageNumber: 2);

        Assert.Equal([new PagePart(0, 2, 0, 15), new PagePart(1, 1, 0, 15)], plan);
    }

    [Fact]
    public void Reads_two_upstream_pages_of_a_window_when_the_slice_is_not_aligned_with_its_pages()
    {
        // Window 1 starts at record 45; page 3 of 30 (records 60..89) is its records 15..44: upstream pages 1 and 2.
        var plan = PagePlan.For([45, 80], pageSize: 30, pageNumber: 3);

        Assert.Equal([new PagePart(1, 1, 15, 15), new PagePart(1, 2, 0, 15)], plan);
    }

    [Fact]
    public void Skips_empty_windows_and_gives_nothing_past_the_last_record()
    {
        Assert.Equal([new PagePart(2, 1, 0, 5)], PagePlan.For([0, 0, 5], pageSize: 10, pageNumber: 1));
        Assert.Empty(PagePlan.For([0, 0, 5], pageSize: 10, pageNumber: 2));
    }

    [Theory]
    [InlineData(new[] { 0, 7, 300, 31, 0, 64 }, 10)]
    [InlineData(new[] { 29, 31, 30, 1, 59 }, 30)]
    [InlineData(new[] { 301, 299, 600 }, 300)]
    public void Every_page_holds_exactly_its_records_of_the_concatenated_windows(int[] windowTotals, int pageSize)
    {
        // Each record is (window, position in window); the whole period is the windows one after the other.
        var all = windowTotals.SelectMany((total, window) => Enumerable.Range(0, total).Select(position => (window, position))).ToList();
        var totalPages = (all.Count + pageSize - 1) / pageSize;

        for (var pageNumber = 1; pageNumber <= totalPages + 1; pageNumber++)
        {
            var plan = PagePlan.For(windowTotals, pageSize, pageNumber);

            var composed = plan.SelectMany(part => Enumerable.Range((part.UpstreamPage - 1) * pageSize + part.Skip, part.Take).Select(position => (part.Window, position)));
            Assert.Equal(all.Skip((pageNumber - 1) * pageSize).Take(pageSize), composed);
            Assert.All(plan, part => Assert.InRange(part.Skip + part.Take, 1, pageSize));
            Assert.True(plan.Count <= 2 * plan.Select(part => part.Window).Distinct().Count(), "at most two upstream pages per window touched");
        }
    }
}
