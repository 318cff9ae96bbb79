namespace UMeetingReports.Core.Tests.Support;

/// <summary>
/// The shared upstream samples, kept in tests/Core.Tests/Fixtures (copies of shared/fixtures) and copied to the output by the project file. A missing
/// file fails the test with a sentence, never skips it: a contract test that silently does not run proves nothing.
/// </summary>
internal static class Fixtures
{
    public static string Read(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The upstream sample '{name}' was not found at {path}. It is copied from tests/Core.Tests/Fixtures by the project file; check that the file is there.",
                path);
        }

        return File.ReadAllText(path);
    }
}
