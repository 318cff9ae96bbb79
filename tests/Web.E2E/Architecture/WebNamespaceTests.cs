using System.Text.RegularExpressions;

namespace UMeetingReports.Web.E2E.Architecture;

/// <summary>
/// The web project reads as its folders do: a folder is a namespace, and its namespaces use each other without a
/// cycle, so that a reader can change one feature without following a loop through others. Read from the source.
/// </summary>
public sealed partial class WebNamespaceTests
{
    private const string RootNamespace = "UMeetingReports.Web";

    private static readonly string WebFolder = Path.Combine(RepositoryRoot(), "src", "Web");

    [Fact]
    public void Every_file_declares_the_namespace_of_its_folder()
    {
        // Arrange
        var misplaced = new List<string>();

        // Act
        foreach (var file in SourceFiles())
        {
            var declared = NamespaceOf(File.ReadAllText(file));
            var folder = Path.GetDirectoryName(Path.GetRelativePath(WebFolder, file))!;
            var expected = folder.Length == 0 ? RootNamespace : RootNamespace + "." + folder.Replace(Path.DirectorySeparatorChar, '.');

            // Registration extensions live in the framework's namespaces, as the framework's own do.
            if (declared is not null && declared.StartsWith(RootNamespace, StringComparison.Ordinal) && declared != expected)
            {
                misplaced.Add($"{Path.GetRelativePath(WebFolder, file)} declares {declared}, its folder is {expected}");
            }
        }

        // Assert
        Assert.Empty(misplaced);
    }

    [Fact]
    public void The_namespaces_use_each_other_without_a_cycle()
    {
        // Arrange
        var uses = NamespaceGraph();

        // Act
        var cycles = uses.Keys.Select(start => CycleFrom(start, uses)).OfType<string>().Distinct().ToList();

        // Assert
        Assert.True(uses.Count > 5, "The source of the web project was not found or not read.");
        Assert.Empty(cycles);
    }

    /// <summary>Which namespace uses which: a <c>using</c> of a namespace of the project whose types the file names.</summary>
    private static Dictionary<string, HashSet<string>> NamespaceGraph()
    {
        var sources = SourceFiles().Select(file => File.ReadAllText(file)).ToList();
        var typesOf = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (NamespaceOf(source) is { } declared)
            {
                var types = typesOf.TryGetValue(declared, out var known) ? known : typesOf[declared] = [];
                types.UnionWith(TypeDeclaration().Matches(source).Select(match => match.Groups["name"].Value));
            }
        }

        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            if (NamespaceOf(source) is not { } from || !from.StartsWith(RootNamespace, StringComparison.Ordinal))
            {
                continue;
            }

            var edges = uses.TryGetValue(from, out var known) ? known : uses[from] = [];
            foreach (var used in UsingDirective().Matches(source).Select(match => match.Groups["namespace"].Value))
            {
                if (used != from && typesOf.TryGetValue(used, out var types) && types.Any(type => Regex.IsMatch(source, $@"\b{type}\b")))
                {
                    edges.Add(used);
                }
            }
        }

        return uses;
    }

    private static string? CycleFrom(string start, Dictionary<string, HashSet<string>> uses)
    {
        var path = new List<string> { start };
        return Walk(start);

        string? Walk(string node)
        {
            foreach (var next in uses.GetValueOrDefault(node) ?? [])
            {
                if (next == start)
                {
                    return string.Join(" -> ", path.Append(next));
                }

                if (!path.Contains(next))
                {
                    path.Add(next);
                    if (Walk(next) is { } cycle)
                    {
                        return cycle;
                    }

                    path.RemoveAt(path.Count - 1);
                }
            }

            return null;
        }
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(WebFolder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string? NamespaceOf(string source) => FileScopedNamespace().Match(source) is { Success: true } match ? match.Groups["namespace"].Value : null;

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "UMeetingReports.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: UMeetingReports.sln was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^namespace (?<namespace>[\w.]+);", RegexOptions.Multiline)]
    private static partial Regex FileScopedNamespace();

    [GeneratedRegex(@"^using (?<namespace>UMeetingReports\.Web[\w.]*);", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"\b(?:class|record|struct|enum|interface)\s+(?<name>\w+)")]
    private static partial Regex TypeDeclaration();
}
