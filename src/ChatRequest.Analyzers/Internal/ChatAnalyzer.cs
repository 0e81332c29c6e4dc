using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ChatRequest.Analyzers.Internal;

/// <summary>
/// The shape every rule shares: concurrent, generated code skipped, one compilation-start lookup of our types
/// (nothing more happens in a compilation that does not reference ChatRequest), one operation action on
/// invocations that hands each of our calls to <see cref="AnalyzeCall"/> and each chain, once, at its outermost
/// call, to <see cref="AnalyzeChain"/>. No compilation-end actions: every finding is local and shows while typing.
/// </summary>
public abstract class ChatAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Only the rules of this assembly derive from this class.</summary>
    private protected ChatAnalyzer()
    {
    }

    /// <inheritdoc />
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Not analyzed: generated files and [GeneratedCode] members. ReportDiagnostics (not None) because every
        // finding sits inside the invocation being analyzed, so none can land in generated code, and with None the
        // driver checks each reported diagnostic for generated code, walking the whole file on the first one.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>Whether the rule looks at whole chains (then <see cref="AnalyzeChain"/> is called).</summary>
    internal virtual bool AnalyzesChains => false;

    /// <summary>Called for every call of ours (Chat.With or a builder method).</summary>
    internal virtual void AnalyzeCall(in RuleContext context, BuilderCall call)
    {
    }

    /// <summary>Called once per chain, at its outermost call.</summary>
    internal virtual void AnalyzeChain(in RuleContext context, BuilderChain chain)
    {
    }

    private void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var symbols = KnownSymbols.TryCreate(start.Compilation);
        if (symbols is null)
        {
            return;
        }

        var rules = new[] { this };
        start.RegisterOperationAction(operation => Dispatch(operation, symbols, rules), OperationKind.Invocation);
    }

    /// <summary>
    /// Hands an invocation to each rule: every call of ours to <see cref="AnalyzeCall"/>, and each chain, collected
    /// once, at its outermost call, to the rules that look at chains.
    /// </summary>
    internal static void Dispatch(OperationAnalysisContext operation, KnownSymbols symbols, ChatAnalyzer[] rules)
    {
        if (operation.Operation is not IInvocationOperation invocation)
        {
            return;
        }

        var call = BuilderCall.TryCreate(invocation, symbols);
        if (call is null)
        {
            return;
        }

        var context = new RuleContext(operation, symbols);
        BuilderChain? chain = null;
        var outermost = (bool?)null;
        foreach (var rule in rules)
        {
            rule.AnalyzeCall(context, call);
            if (rule.AnalyzesChains && (outermost ??= BuilderChain.IsOutermost(invocation, symbols)))
            {
                chain ??= BuilderChain.Collect(call, symbols);
                rule.AnalyzeChain(context, chain);
            }
        }
    }
}

/// <summary>What a rule gets: the operation context (to report and read options) and our symbols.</summary>
internal readonly struct RuleContext
{
    public RuleContext(OperationAnalysisContext operation, KnownSymbols symbols)
    {
        Operation = operation;
        Symbols = symbols;
    }

    public OperationAnalysisContext Operation { get; }

    public KnownSymbols Symbols { get; }

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] arguments) =>
        Operation.ReportDiagnostic(Diagnostic.Create(descriptor, location, arguments));

    public void ReportWithAdditional(DiagnosticDescriptor descriptor, Location location, Location additional, params object?[] arguments) =>
        Operation.ReportDiagnostic(Diagnostic.Create(descriptor, location, new[] { additional }, arguments));
}
