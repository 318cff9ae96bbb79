namespace UMeetingReports.Simulator.Data;

/// <summary>
/// Values the simulator plants on purpose so that every screen and export is tested against them: markup and
/// script, spreadsheet formulas, control characters, emoji, very long text. Each topic is the exact
/// <see cref="SimulatedMeeting.Topic"/> of several meetings in every month of data; each name the exact
/// <see cref="SimulatedParticipant.Name"/> of participants in every month.
/// </summary>
public static class SimulatorHostileValues
{
    public static IReadOnlyList<string> Topics { get; } =
    [
        "Design review <script>alert(1)</script>",
        "<b>bold</b> agenda",
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1 客户电话",
        "-2 budget cut",
        "@SUM(A1)",
        "\tIndented weekly sync",
        "Quarterly plan\r\nsecond line",
        "🚀 Launch party 🎉 👨‍👩‍👧",
        LongTopic(),
        "\"Q&A\" with 'quotes' & <tags> 产品评审",
        "</td></tr><tr><td>row breaker",
    ];

    public static IReadOnlyList<string> ParticipantNames { get; } =
    [
        "<img src=x onerror=alert(1)>",
        "=1+1",
        "<b>王伟</b>",
        "@admin",
        "Robert'); DROP TABLE Students;--",
        "👩‍💻 Dev",
    ];

    /// <summary>Exactly 200 UTF-16 units of mixed Chinese and English, none of them a surrogate.</summary>
    private static string LongTopic()
    {
        const string Unit = "年度战略规划研讨会 Annual strategy workshop, ";
        var text = string.Concat(Enumerable.Repeat(Unit, (200 / Unit.Length) + 1));
        return text[..200];
    }
}
