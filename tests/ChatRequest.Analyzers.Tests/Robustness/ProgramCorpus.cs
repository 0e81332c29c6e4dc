using System.Collections.Immutable;
using System.Globalization;

namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>
/// Every C# program of the repository that shows the builder in use: the samples (samples/**/*.cs), the C# code
/// blocks of the docs (docs/**/*.md and README.md) and the inputs of the analyzer and code-fix tests (see
/// <see cref="TestInputExtractor"/>). Collected once per test run, in a stable order, duplicates removed.
/// </summary>
internal static class ProgramCorpus
{
    /// <summary>
    /// Put before a docs snippet, on its first line (so line numbers stay those of the block): the snippets leave out
    /// their usings, and without them nothing binds to the builder and the analyzer has nothing to look at.
    /// </summary>
    public const string DocsHeader =
        "using System; using System.Collections.Generic; using System.IO; using System.Linq; using System.Net.Http; "
        + "using System.Text; using System.Text.Json; using System.Text.Json.Nodes; using System.Threading; "
        + "using System.Threading.Tasks; using ChatRequest; using ChatRequest.Validation; ";

    private static readonly Lazy<ImmutableArray<CorpusProgram>> LazyAll = new(Collect);

    /// <summary>The whole corpus.</summary>
    public static ImmutableArray<CorpusProgram> All => LazyAll.Value;

    public static IEnumerable<CorpusProgram> Of(CorpusSource source) => All.Where(program => program.Source == source);

    private static ImmutableArray<CorpusProgram> Collect()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var programs = ImmutableArray.CreateBuilder<CorpusProgram>();
        foreach (var program in Samples().Concat(DocsBlocks()).Concat(TestInputs()))
        {
            if (seen.Add(program.Text))
            {
                programs.Add(program);
            }
        }

        return programs.ToImmutable();
    }

    private static IEnumerable<CorpusProgram> Samples() =>
        RepositoryFiles.Under("samples", ".cs")
            .Select(path => new CorpusProgram(CorpusSource.Sample, RepositoryFiles.Relative(path), File.ReadAllText(path).ReplaceLineEndings("\n")));

    private static IEnumerable<CorpusProgram> DocsBlocks()
    {
        var markdown = RepositoryFiles.Under("docs", ".md").Append(Path.Combine(RepositoryFiles.Root, "README.md")).Where(File.Exists);
        foreach (var path in markdown)
        {
            var lines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var fence = lines[i].TrimStart();
                if (!fence.StartsWith("```", StringComparison.Ordinal) || !IsCSharpInfoString(fence[3..].Trim()))
                {
                    continue;
                }

                var indent = lines[i].Length - fence.Length;
                var body = new List<string>();
                var j = i + 1;
                for (; j < lines.Length && !lines[j].TrimStart().StartsWith("```", StringComparison.Ordinal); j++)
                {
                    body.Add(lines[j].Length >= indent && string.IsNullOrWhiteSpace(lines[j][..indent]) ? lines[j][indent..] : lines[j].TrimStart());
                }

                var origin = RepositoryFiles.Relative(path) + ":" + (i + 2).ToString(CultureInfo.InvariantCulture);
                yield return new CorpusProgram(CorpusSource.Docs, origin, DocsHeader + string.Join("\n", body) + "\n");
                i = j;
            }
        }
    }

    private static bool IsCSharpInfoString(string info) =>
        info.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is "csharp" or "cs" or "c#" or "C#";

    private static IEnumerable<CorpusProgram> TestInputs()
    {
        var files = RepositoryFiles.Under("tests/ChatRequest.Analyzers.Tests/Rules", ".cs")
            .Concat(RepositoryFiles.Under("tests/ChatRequest.Analyzers.Tests/Behaviour", ".cs"))
            .Concat(RepositoryFiles.Under("tests/ChatRequest.CodeFixes.Tests", ".cs"));
        return files.SelectMany(path => TestInputExtractor.Extract(RepositoryFiles.Relative(path), File.ReadAllText(path))
            .Select(input => new CorpusProgram(CorpusSource.TestInput, input.Origin, input.Text)));
    }
}
