using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Tests.Verifiers;

/// <summary>
/// Runs analyzers the way the compiler does (CompilationWithAnalyzers), without a workspace: for large generated
/// sources, half-typed code, and .editorconfig files applied as the command-line compiler applies them.
/// </summary>
internal static class CompilerHarness
{
    /// <summary>A compilation with no sources, sharing the references' metadata across every run.</summary>
    public static CSharpCompilation Empty { get; } = CSharpCompilation.Create(
        "Harness",
        references: TestReferences.All,
        options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>What the compiler loads from the assembly: the analyzers with a [DiagnosticAnalyzer] attribute.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } = typeof(Descriptors).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    /// <summary>The rule families (one per file in Rules/), which the shipped analyzer composes.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> RuleAnalyzers { get; } = typeof(Descriptors).Assembly.GetTypes()
        .Where(type => !type.IsAbstract && type.Namespace == "ChatRequest.Analyzers.Rules" && typeof(DiagnosticAnalyzer).IsAssignableFrom(type))
        .OrderBy(type => type.Name, StringComparer.Ordinal)
        .Select(type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public const string SourcePath = "/project/Source.cs";

    /// <summary>Parses <paramref name="source"/> as the project's one file.</summary>
    public static SyntaxTree Parse([StringSyntax("C#-test")] string source) =>
        CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: SourcePath);

    /// <summary>
    /// Runs <paramref name="analyzers"/> on <paramref name="compilation"/> and returns their diagnostics (with the
    /// severities the .editorconfig gives them) and every exception an analyzer threw.
    /// </summary>
    public static async Task<Result> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, string? editorConfig = null)
    {
        var exceptions = new ConcurrentQueue<Exception>();
        AnalyzerOptions options;
        if (editorConfig is null)
        {
            options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
        }
        else
        {
            var set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(editorConfig, "/project/.editorconfig") });
            options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new ConfigOptionsProvider(set));
            compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new TreeOptionsProvider(set)));
        }

        var withAnalyzers = compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                options,
                onAnalyzerException: (exception, _, _) => exceptions.Enqueue(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
        return new Result(diagnostics, exceptions.ToArray());
    }

    public sealed record Result(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyList<Exception> Exceptions);

    private sealed class TreeOptionsProvider(AnalyzerConfigSet set) : SyntaxTreeOptionsProvider
    {
        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
            set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    private sealed class ConfigOptionsProvider(AnalyzerConfigSet set) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(set.GlobalConfigOptions.AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
            new Options(set.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
            new Options(set.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions);
    }

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
