using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.AnalyzerCost;

/// <summary>The analyzers of ChatRequest.Analyzers.dll, found by reflection as the compiler finds them.</summary>
public static class AnalyzerSet
{
    public static Assembly Assembly { get; } = Assembly.Load("ChatRequest.Analyzers");

    public static ImmutableArray<DiagnosticAnalyzer> Create() =>
        Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    public static IEnumerable<string> RuleIds() =>
        Create().SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct().OrderBy(id => id, StringComparer.Ordinal);
}

/// <summary>
/// The control: an analyzer that asks for every invocation operation and does nothing with it. Its wall time
/// shows what merely subscribing to operations costs the driver (building the operation trees), a cost that a
/// normal build already pays for the SDK's own analyzers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyInvocationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor Never = new("EMPTY001", "never reported", "never reported", "Control", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = [Never];

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationAction(static _ => { }, OperationKind.Invocation);
    }
}
