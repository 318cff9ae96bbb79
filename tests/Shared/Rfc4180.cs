using System.Text;
using Xunit;

namespace UMeetingReports.Tests.Shared;

/// <summary>
/// A reader of RFC 4180 written for the tests, so that a CSV file is checked by the rules and not by the writer's own
/// code: fields split on commas; a quoted field may hold commas, doubled quotes and line ends; every record ends with
/// CRLF. A quote or line end outside quotes, or a file that does not end with CRLF, fails the test.
/// Shared by tests/Core.Tests and tests/Web.E2E (linked into each project).
/// </summary>
internal static class Rfc4180
{
    public static IReadOnlyList<IReadOnlyList<string>> Parse(string text)
    {
        var records = new List<IReadOnlyList<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var index = 0; index < text.Length; index++)
        {
            var character = text[index];
            if (quoted)
            {
                if (character == '"' && index + 1 < text.Length && text[index + 1] == '"')
                {
                    field.Append('"');
                    index++;
                }
                else if (character == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(character);
                }
            }
            else if (character == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (character == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (character == '\r' && index + 1 < text.Length && text[index + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                index++;
            }
            else
            {
                Assert.False(character is '"' or '\r' or '\n', $"Unquoted {(int)character:x} at {index} in a field: not RFC 4180");
                field.Append(character);
            }
        }

        Assert.True(field.Length == 0 && record.Count == 0, "The file does not end with CRLF");
        return records;
    }
}
