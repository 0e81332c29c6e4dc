using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ChatRequest.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>
/// Runs the shipped analyzer over many variants at once: each variant is its own syntax tree of one compilation
/// (the references are shared by every compilation of the run). So that variants do not see each other:
/// <list type="bullet">
/// <item>a variant of a program without top-level statements is put in a namespace of its own: <c>namespace
/// __Variant00017 {</c> goes in front of its first line (never closed: the parser closes it at the end of the file,
/// with one "} expected" error, and the variant's lines keep their numbers);</item>
/// <item>a program with top-level statements cannot be put in a namespace, so its variants are only batched with
/// variants of the same program: each tree's statements are bound (the second and later get CS8802, "only one
/// compilation unit can have top-level statements"), and the types they declare clash only with their own copies.</item>
/// </list>
/// What is checked for every batch: no exception reached the analyzer-exception callback, no AD0001 diagnostic, the
/// driver did not throw, and every diagnostic the analyzer reported (and each additional location) lies in one of the
/// batch's trees, within its text.
/// </summary>
internal static class BatchAnalysis
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilation Library = CompilerHarness.Empty;

    private static readonly CSharpCompilation Application =
        CompilerHarness.Empty.WithOptions(CompilerHarness.Empty.Options.WithOutputKind(OutputKind.ConsoleApplication));

    /// <summary>Analyzes <paramref name="variants"/> in one compilation with the shipped analyzer (or <paramref name="analyzers"/>).</summary>
    public static async Task<BatchResult> RunAsync(IReadOnlyList<Variant> variants, ImmutableArray<DiagnosticAnalyzer> analyzers = default)
    {
        var topLevel = variants.Count > 0 && variants[0].Program.HasTopLevelStatements;
        if (variants.Any(v => v.Program.HasTopLevelStatements != topLevel)
            || (topLevel && variants.Any(v => !ReferenceEquals(v.Program, variants[0].Program))))
        {
            throw new ArgumentException("A batch holds variants of one program with top-level statements, or only variants of programs without.", nameof(variants));
        }

        var trees = new SyntaxTree[variants.Count];
        for (var i = 0; i < variants.Count; i++)
        {
            trees[i] = CSharpSyntaxTree.ParseText(TextOf(variants[i], i), ParseOptions, path: PathOf(i), encoding: Encoding.UTF8);
        }

        var compilation = (topLevel ? Application : Library).AddSyntaxTrees(trees);
        var exceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = compilation.WithAnalyzers(
            analyzers.IsDefault ? CompilerHarness.AllAnalyzers : analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));

        ImmutableArray<Diagnostic> diagnostics;
        Exception? driverException = null;
        try
        {
            diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The driver's failure is the finding: it is reported, not swallowed.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            driverException = exception;
            diagnostics = ImmutableArray<Diagnostic>.Empty;
        }

        return new BatchResult(variants, trees, diagnostics, exceptions.ToArray(), driverException);
    }

    /// <summary>
    /// Analyzes <paramref name="variants"/> in batches of at most <paramref name="batchSize"/> (top-level programs
    /// batched per program), and returns every problem found, each variant that causes one run again on its own
    /// so the message names it.
    /// </summary>
    public static async Task<FuzzSummary> RunAllAsync(IEnumerable<Variant> variants, int batchSize, ImmutableArray<DiagnosticAnalyzer> analyzers = default)
    {
        var summary = new FuzzSummary(analyzers);
        foreach (var batch in Batches(variants, batchSize))
        {
            var result = await RunAsync(batch, analyzers).ConfigureAwait(false);
            summary.Add(result);
            if (result.Problems.Count > 0)
            {
                await summary.IsolateAsync(result).ConfigureAwait(false);
            }
        }

        return summary;
    }

    private static IEnumerable<IReadOnlyList<Variant>> Batches(IEnumerable<Variant> variants, int batchSize)
    {
        var libraries = new List<Variant>(batchSize);
        var current = new List<Variant>(batchSize);
        CorpusProgram? currentProgram = null;
        foreach (var variant in variants)
        {
            if (!variant.Program.HasTopLevelStatements)
            {
                libraries.Add(variant);
                if (libraries.Count == batchSize)
                {
                    yield return libraries;
                    libraries = new List<Variant>(batchSize);
                }

                continue;
            }

            if (current.Count == batchSize || (current.Count > 0 && !ReferenceEquals(currentProgram, variant.Program)))
            {
                yield return current;
                current = new List<Variant>(batchSize);
            }

            currentProgram = variant.Program;
            current.Add(variant);
        }

        if (libraries.Count > 0)
        {
            yield return libraries;
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    private static string TextOf(Variant variant, int index) =>
        variant.Program.HasTopLevelStatements
            ? variant.Text
            : "namespace __Variant" + index.ToString("D5", CultureInfo.InvariantCulture) + " { " + variant.Text;

    private static string PathOf(int index) => "/fuzz/Variant" + index.ToString("D5", CultureInfo.InvariantCulture) + ".cs";
}

/// <summary>What one batch gave: the analyzer's diagnostics, the exceptions, and the problems found in them.</summary>
internal sealed class BatchResult
{
    public BatchResult(IReadOnlyList<Variant> variants, IReadOnlyList<SyntaxTree> trees, ImmutableArray<Diagnostic> diagnostics, IReadOnlyList<Exception> exceptions, Exception? driverException)
    {
        Variants = variants;
        Trees = trees;
        Diagnostics = diagnostics;
        Exceptions = exceptions;
        DriverException = driverException;
        Problems = FindProblems();
    }

    public IReadOnlyList<Variant> Variants { get; }

    public IReadOnlyList<SyntaxTree> Trees { get; }

    public ImmutableArray<Diagnostic> Diagnostics { get; }

    public IReadOnlyList<Exception> Exceptions { get; }

    public Exception? DriverException { get; }

    /// <summary>Each problem, with the variant it is in when the diagnostic shows it (null when only a rerun can tell).</summary>
    public IReadOnlyList<(Variant? Variant, string Problem)> Problems { get; }

    /// <summary>The CHAT diagnostics of the variant at <paramref name="index"/>.</summary>
    public IEnumerable<Diagnostic> ChatDiagnosticsOf(int index) =>
        Diagnostics.Where(d => d.Id.StartsWith("CHAT", StringComparison.Ordinal) && d.Location.SourceTree == Trees[index]);

    private List<(Variant? Variant, string Problem)> FindProblems()
    {
        var problems = new List<(Variant?, string)>();
        if (DriverException is not null)
        {
            problems.Add((null, "the analyzer driver threw: " + DriverException));
        }

        problems.AddRange(Exceptions.Select(exception => ((Variant?)null, "an analyzer threw: " + exception)));
        var treeIndex = Trees.Select((tree, index) => (tree, index)).ToDictionary(pair => pair.tree, pair => pair.index);
        foreach (var diagnostic in Diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                var at = diagnostic.Location.SourceTree is { } tree && treeIndex.TryGetValue(tree, out var index) ? Variants[index] : null;
                problems.Add((at, "AD0001: " + diagnostic.GetMessage(CultureInfo.InvariantCulture)));
                continue;
            }

            foreach (var location in diagnostic.AdditionalLocations.Prepend(diagnostic.Location))
            {
                if (!location.IsInSource || location.SourceTree is null || !treeIndex.TryGetValue(location.SourceTree, out var index))
                {
                    problems.Add((null, diagnostic.Id + " is reported outside the analyzed trees: " + location));
                }
                else if (location.SourceSpan.End > location.SourceTree.Length)
                {
                    problems.Add((Variants[index], diagnostic.Id + " is reported at " + location.SourceSpan + ", beyond the end of its tree (" + location.SourceTree.Length.ToString(CultureInfo.InvariantCulture) + ")"));
                }
            }
        }

        return problems;
    }
}

/// <summary>Counts and problems of a whole fuzz run.</summary>
internal sealed class FuzzSummary
{
    private readonly List<string> _problems = new();
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;

    public FuzzSummary(ImmutableArray<DiagnosticAnalyzer> analyzers) => _analyzers = analyzers;

    public int Variants { get; private set; }

    public int Batches { get; private set; }

    public int ChatDiagnostics { get; private set; }

    public HashSet<string> ReportedIds { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Problems => _problems;

    public void Add(BatchResult result)
    {
        Variants += result.Variants.Count;
        Batches++;
        foreach (var diagnostic in result.Diagnostics.Where(d => d.Id.StartsWith("CHAT", StringComparison.Ordinal)))
        {
            ChatDiagnostics++;
            ReportedIds.Add(diagnostic.Id);
        }
    }

    /// <summary>Names the variants behind a failed batch: those the diagnostics point at, and those that fail again on their own.</summary>
    public async Task IsolateAsync(BatchResult result)
    {
        var culprits = new List<(Variant Variant, string Problem)>();
        foreach (var (variant, problem) in result.Problems.Where(p => p.Variant is not null))
        {
            culprits.Add((variant!, problem));
        }

        if (result.Problems.Any(p => p.Variant is null))
        {
            foreach (var variant in result.Variants)
            {
                var alone = await BatchAnalysis.RunAsync(new[] { variant }, _analyzers).ConfigureAwait(false);
                culprits.AddRange(alone.Problems.Select(p => (variant, p.Problem)));
            }

            if (culprits.Count == 0)
            {
                _problems.Add("a batch of " + result.Variants.Count.ToString(CultureInfo.InvariantCulture) + " variants (from " + result.Variants[0].Program.Origin + ") failed, but no variant fails on its own:\n" + string.Join("\n", result.Problems.Select(p => p.Problem)));
            }
        }

        foreach (var (variant, problem) in culprits)
        {
            _problems.Add(variant.Program.Origin + ", " + variant.Mutation + ":\n" + problem + "\n--- variant ---\n" + variant.Text + "\n--- end ---");
        }
    }
}
