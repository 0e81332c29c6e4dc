using System.Text.RegularExpressions;

namespace ChatRequest.Tests;

/// <summary>
/// Finds the repository and reads its documentation. Code in the docs is copied from <c>#region name</c> blocks of
/// the test files; a Markdown page marks each copy with <c>&lt;!-- snippet: name --&gt;</c> on the line before its
/// <c>```csharp</c> fence, and <see cref="DocsSnippetTests"/> checks that every copy equals its region.
/// </summary>
internal static partial class DocFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder that holds ChatRequest.slnx.</summary>
    public static string RepoRoot => Root.Value;

    public static string DocsDirectory => Path.Combine(RepoRoot, "docs");

    public static string RulesDirectory => Path.Combine(DocsDirectory, "rules");

    public static string RulePage(string ruleId) => Path.Combine(RulesDirectory, ruleId + ".md");

    /// <summary>The test sources whose regions are shown in the docs.</summary>
    public static IEnumerable<string> SnippetSources() =>
        new[] { "DocsSnippetTests.cs", "RuleExampleTests.cs" }
            .Select(name => Path.Combine(RepoRoot, "tests", "ChatRequest.Builder.Tests", name));

    /// <summary>Every Markdown file that may show code: the root README and everything under docs/.</summary>
    public static IEnumerable<string> MarkdownFiles() =>
        new[] { Path.Combine(RepoRoot, "README.md") }
            .Concat(Directory.GetFiles(DocsDirectory, "*.md", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal));

    /// <summary>Reads a file with LF line endings.</summary>
    public static string Read(string path) => File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>The <c>#region</c> blocks of the snippet sources, by name, de-indented.</summary>
    public static IReadOnlyDictionary<string, string> Regions()
    {
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in SnippetSources())
        {
            var lines = Read(source).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var start = RegionStart().Match(lines[i]);
                if (!start.Success)
                {
                    continue;
                }

                var name = start.Groups["name"].Value;
                var body = new List<string>();
                var j = i + 1;
                while (j < lines.Length && lines[j].Trim() != "#endregion")
                {
                    body.Add(lines[j]);
                    j++;
                }

                if (j == lines.Length)
                {
                    throw new InvalidOperationException($"#region {name} in {source} has no #endregion.");
                }

                if (!regions.TryAdd(name, Dedent(body)))
                {
                    throw new InvalidOperationException($"#region {name} appears twice.");
                }

                i = j;
            }
        }

        return regions;
    }

    /// <summary>The C# code blocks of a Markdown file: (snippet name or null, code).</summary>
    public static IReadOnlyList<(string? Name, string Code)> CodeBlocks(string markdownPath)
    {
        var blocks = new List<(string?, string)>();
        var lines = Read(markdownPath).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim() != "```csharp")
            {
                continue;
            }

            string? name = null;
            if (i > 0)
            {
                var marker = SnippetMarker().Match(lines[i - 1]);
                if (marker.Success)
                {
                    name = marker.Groups["name"].Value;
                }
            }

            var body = new List<string>();
            var j = i + 1;
            while (j < lines.Length && lines[j].Trim() != "```")
            {
                body.Add(lines[j]);
                j++;
            }

            blocks.Add((name, string.Join("\n", body)));
            i = j;
        }

        return blocks;
    }

    /// <summary>Removes the indentation common to every non-blank line.</summary>
    public static string Dedent(IReadOnlyList<string> lines)
    {
        var indent = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
        return string.Join("\n", lines.Select(l => l.Trim().Length == 0 ? string.Empty : l.Substring(indent).TrimEnd()));
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ChatRequest.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("No folder above " + AppContext.BaseDirectory + " holds ChatRequest.slnx.");
    }

    [GeneratedRegex(@"^\s*#region\s+(?<name>\S+)\s*$")]
    private static partial Regex RegionStart();

    [GeneratedRegex(@"^\s*<!--\s*snippet:\s*(?<name>\S+)\s*-->\s*$")]
    private static partial Regex SnippetMarker();
}
