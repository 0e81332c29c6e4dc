using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ChatRequest.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>
/// One large compilation: synthetic builder code (<see cref="SyntheticCode"/>) plus every .cs file of this repository
/// (build output left out), analyzed once sequentially and then several times with concurrent analysis, each run on
/// a fresh compilation. The repository's files do not compile here (their packages are not referenced, and the
/// library's own sources stand next to its assembly, so <c>Chat</c> and <c>ChatRequestBuilder</c> bind to the source
/// copies with CS0436): a large, realistic, broken input. Checked: no analyzer exception, the same diagnostics in every
/// run, CHAT diagnostics only in files that use the builder (<see cref="BuilderUse"/>), none in the synthetic
/// look-alikes, and exactly the synthetic methods that break a rule reported.
/// </summary>
[Parallelizable(ParallelScope.Self)]
public class ConcurrentAnalysisTests
{
    private const string SyntheticFolder = "/synthetic/";

    [Test]
    public async Task Concurrent_runs_over_the_repository_agree_and_report_only_where_the_builder_is_used()
    {
        var settings = FuzzSettings.Current;
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        var synthetic = SyntheticCode.Files(settings.SyntheticFiles)
            .Select(file => CSharpSyntaxTree.ParseText(file.Text, parseOptions, SyntheticFolder + file.Name, Encoding.UTF8))
            .ToList();
        var repository = RepositoryFiles.Under(".", ".cs")
            .Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), parseOptions, RepositoryFiles.Relative(path), Encoding.UTF8))
            .ToList();
        var trees = synthetic.Concat(repository).ToImmutableArray();
        repository.Should().HaveCountGreaterThan(100, "the repository has about 150 C# files");
        var use = BuilderUse.Of(trees);
        var wayOf = trees.ToDictionary(tree => tree.FilePath, use.WayOf, StringComparer.Ordinal);

        var stopwatch = Stopwatch.StartNew();
        var sequential = await RunAsync(trees, concurrent: false);
        var runs = new List<Run>();
        for (var r = 0; r < settings.ConcurrentRuns; r++)
        {
            runs.Add(await RunAsync(trees, concurrent: true));
        }

        var seconds = stopwatch.Elapsed.TotalSeconds;
        var chat = sequential.Diagnostics.Where(d => d.Id.StartsWith("CHAT", StringComparison.Ordinal)).ToList();
        var inRepository = chat.Where(d => !d.Location.SourceTree!.FilePath.StartsWith(SyntheticFolder, StringComparison.Ordinal)).ToList();
        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            {trees.Length} files ({synthetic.Count} synthetic, {repository.Count} of the repository, {trees.Sum(t => t.GetText().Lines.Count)} lines), 1 sequential + {runs.Count} concurrent runs in {seconds:F1} s ({settings})
            files using the builder: {wayOf.Values.Count(w => w == 1)} name ChatRequestBuilder, {wayOf.Values.Count(w => w == 2)} call Chat.With, {wayOf.Values.Count(w => w == 3)} import Chat, {wayOf.Values.Count(w => w == 4)} use a member handing out builders ({string.Join(", ", use.HandOutMembers.Order(StringComparer.Ordinal))}); {wayOf.Values.Count(w => w == 0)} do not
            {chat.Count} CHAT diagnostics per run: {chat.Count - inRepository.Count} in synthetic files, {inRepository.Count} in {inRepository.Select(d => d.Location.SourceTree!.FilePath).Distinct().Count()} repository files ({string.Join(", ", inRepository.GroupBy(d => wayOf[d.Location.SourceTree!.FilePath]).OrderBy(g => g.Key).Select(g => g.Count() + " by way " + g.Key))})
            """));

        foreach (var run in runs.Prepend(sequential))
        {
            run.Exceptions.Should().BeEmpty("no analyzer may throw, sequentially or concurrently");
            run.Diagnostics.Should().NotContain(d => d.Id == "AD0001");
        }

        foreach (var run in runs)
        {
            Describe(run.Diagnostics).Should().Equal(Describe(sequential.Diagnostics), "every concurrent run reports what the sequential run reports");
        }

        chat.Where(d => wayOf[d.Location.SourceTree!.FilePath] == 0).Select(d => d.ToString())
            .Should().BeEmpty("a file that never reaches a builder cannot break a builder rule");
        chat.Where(d => Path.GetFileName(d.Location.SourceTree!.FilePath).StartsWith(SyntheticCode.LookAlikePrefix, StringComparison.Ordinal)).Select(d => d.ToString())
            .Should().BeEmpty("the look-alikes only share names with the builder");
        inRepository.Should().NotBeEmpty("the repository's tests call the builder with invalid values on purpose");

        var methodProblems = new List<string>();
        foreach (var tree in synthetic.Where(t => Path.GetFileName(t.FilePath).StartsWith(SyntheticCode.RequestsPrefix, StringComparison.Ordinal)))
        {
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                var reported = chat.Where(d => d.Location.SourceTree == tree && method.Span.Contains(d.Location.SourceSpan)).Select(d => d.Id).ToList();
                var bad = method.Identifier.ValueText.StartsWith("Bad", StringComparison.Ordinal);
                if (bad != (reported.Count > 0))
                {
                    methodProblems.Add(tree.FilePath + " " + method.Identifier.ValueText + ": " + (bad ? "nothing reported" : "reported " + string.Join(", ", reported)));
                }
            }
        }

        methodProblems.Should().BeEmpty("each Bad method breaks one rule and each Good method none");
    }

    private static async Task<Run> RunAsync(ImmutableArray<SyntaxTree> trees, bool concurrent)
    {
        // A fresh compilation each run: nothing bound by one run is reused by the next.
        var compilation = CSharpCompilation.Create(
            "Concurrent",
            trees,
            TestReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: concurrent));
        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            CompilerHarness.AllAnalyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: concurrent,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        return new Run(diagnostics, exceptions.ToArray());
    }

    /// <summary>Every diagnostic as file, span, id and message, in a fixed order (duplicates kept).</summary>
    private static List<string> Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics
            .Select(d => (d.Location.SourceTree?.FilePath ?? "-") + d.Location.SourceSpan + " " + d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture))
            .Order(StringComparer.Ordinal)
            .ToList();

    private sealed record Run(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions);
}
