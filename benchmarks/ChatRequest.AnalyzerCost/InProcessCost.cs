using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ChatRequest.AnalyzerCost;

/// <summary>One project size's figures (medians over the repeats).</summary>
public sealed record CostRow(
    string Project,
    int Chains,
    int Files,
    int Lines,
    double ParseSeconds,
    double CompileSeconds,
    double AnalysisWallSeconds,
    double ControlWallSeconds,
    double ControlSeconds,
    double OursSeconds,
    IReadOnlyDictionary<string, double> PerAnalyzerSeconds,
    IReadOnlyDictionary<string, int> DiagnosticsById)
{
    /// <summary>The whole compile without analyzers: parse + bind + emit.</summary>
    public double WholeCompileSeconds => ParseSeconds + CompileSeconds;

    public double SharePercent => 100 * OursSeconds / WholeCompileSeconds;

    public double OursMsPer1000Chains => Chains == 0 ? double.NaN : 1000 * OursSeconds * 1000 / Chains;
}

/// <summary>
/// Compiles the synthetic project in-process with Roslyn: once without analyzers (parse, then Emit, which binds
/// every method body and reports the compiler's diagnostics), once with our analyzers through
/// <see cref="CompilationWithAnalyzers"/> with execution-time logging on (<c>GetAnalyzerTelemetryInfoAsync</c>),
/// and once with the <see cref="EmptyInvocationAnalyzer"/> control. Each on a fresh compilation, so nothing bound
/// by one run is reused by the next.
/// </summary>
public static class InProcessCost
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CostRow Measure(string project, int chains, bool useBuilder, int repeats, bool concurrent, TextWriter log)
    {
        var sources = SyntheticProject.Files(chains, useBuilder).ToList();
        var lines = sources.Sum(s => s.Text.AsSpan().Count('\n'));
        var references = References();
        var ours = AnalyzerSet.Create();

        var parse = new List<double>();
        var compile = new List<double>();
        var analysis = new List<double>();
        var control = new List<double>();
        var controlTelemetry = new List<double>();
        var oursTotal = new List<double>();
        var perAnalyzer = new Dictionary<string, List<double>>();
        IReadOnlyDictionary<string, int> diagnostics = new Dictionary<string, int>();

        for (var r = 0; r < repeats; r++)
        {
            var sw = Stopwatch.StartNew();
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, Encoding.UTF8), ParseOptions, s.Name)).ToImmutableArray();
            parse.Add(sw.Elapsed.TotalSeconds);

            // Without analyzers: the compiler alone.
            var plain = Create(trees, references, concurrent);
            sw.Restart();
            using (var pe = new MemoryStream())
            {
                var emitted = plain.Emit(pe);
                compile.Add(sw.Elapsed.TotalSeconds);
                var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException("The synthetic project does not compile:\n" + string.Join("\n", errors));
                }
            }

            // With our analyzers.
            var withOurs = Create(trees, references, concurrent).WithAnalyzers(ours, Options(concurrent));
            sw.Restart();
            var found = withOurs.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            analysis.Add(sw.Elapsed.TotalSeconds);
            var total = 0.0;
            foreach (var analyzer in ours)
            {
                var telemetry = withOurs.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult();
                var seconds = telemetry.ExecutionTime.TotalSeconds;
                total += seconds;
                var name = analyzer.GetType().Name;
                if (!perAnalyzer.TryGetValue(name, out var list))
                {
                    perAnalyzer[name] = list = new List<double>();
                }

                list.Add(seconds);
            }

            oursTotal.Add(total);
            diagnostics = found.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

            // The control: subscribing to invocations and doing nothing.
            var empty = new EmptyInvocationAnalyzer();
            var withControl = Create(trees, references, concurrent).WithAnalyzers([empty], Options(concurrent));
            sw.Restart();
            withControl.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
            control.Add(sw.Elapsed.TotalSeconds);
            controlTelemetry.Add(withControl.GetAnalyzerTelemetryInfoAsync(empty, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalSeconds);

            log.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  {project} run {r + 1}/{repeats}: parse {parse[^1]:F2} s, compile {compile[^1]:F2} s, analysis pass {analysis[^1]:F2} s (ours {total:F3} s), control pass {control[^1]:F2} s (control analyzer {controlTelemetry[^1]:F3} s)"));
        }

        return new CostRow(
            project,
            useBuilder ? chains : 0,
            sources.Count,
            lines,
            Median(parse),
            Median(compile),
            Median(analysis),
            Median(control),
            Median(controlTelemetry),
            Median(oursTotal),
            perAnalyzer.ToDictionary(p => p.Key, p => Median(p.Value)),
            diagnostics);
    }

    /// <summary>A warm-up compile so the first measured size does not pay for JIT-compiling Roslyn.</summary>
    public static void WarmUp(TextWriter log)
    {
        log.WriteLine("warm-up (200 chains, not reported)");
        Measure("warm-up", 200, useBuilder: true, repeats: 1, concurrent: true, TextWriter.Null);
    }

    private static CompilationWithAnalyzersOptions Options(bool concurrent) =>
        new(new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: concurrent, logAnalyzerExecutionTime: true, reportSuppressedDiagnostics: false);

    private static CSharpCompilation Create(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, bool concurrent) =>
        CSharpCompilation.Create(
            "Synthetic",
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: concurrent,
                deterministic: true));

    private static ImmutableArray<MetadataReference>? _references;

    /// <summary>The net10.0 reference pack of the running SDK (else the runtime's own assemblies), plus ChatRequest.</summary>
    public static ImmutableArray<MetadataReference> References()
    {
        if (_references is { } cached)
        {
            return cached;
        }

        var paths = ReferencePackAssemblies() ?? RuntimeAssemblies();
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        builder.AddRange(paths.Select(p => MetadataReference.CreateFromFile(p)));
        builder.Add(MetadataReference.CreateFromFile(typeof(Chat).Assembly.Location));
        _references = builder.ToImmutable();
        return _references.Value;
    }

    /// <summary>Where the reference assemblies came from (for the report).</summary>
    public static string ReferenceSource => ReferencePackAssemblies() is { } pack ? Path.GetDirectoryName(pack[0])! : "the running runtime's implementation assemblies";

    private static string[]? ReferencePackAssemblies()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<version>/ -> <dotnet>/packs/Microsoft.NETCore.App.Ref/<version>/ref/net10.0
        var runtime = RuntimeEnvironment.GetRuntimeDirectory().TrimEnd(Path.DirectorySeparatorChar);
        var dotnet = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(runtime)));
        var version = Path.GetFileName(runtime);
        var dir = dotnet is null ? null : Path.Combine(dotnet, "packs", "Microsoft.NETCore.App.Ref", version, "ref", "net10.0");
        return dir is not null && Directory.Exists(dir) ? Directory.GetFiles(dir, "*.dll") : null;
    }

    private static string[] RuntimeAssemblies() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll")
            .ToArray();

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
