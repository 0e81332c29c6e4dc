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
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(OnCompilationStart);
    }

    /// <summary>Whether the rule looks at whole chains (then <see cref="AnalyzeChain"/> is called).</summary>
    private protected virtual bool AnalyzesChains => false;

    /// <summary>Called for every call of ours (Chat.With or a builder method).</summary>
    private protected virtual void AnalyzeCall(in RuleContext context, BuilderCall call)
    {
    }

    /// <summary>Called once per chain, at its outermost call.</summary>
    private protected virtual void AnalyzeChain(in RuleContext context, BuilderChain chain)
    {
    }

    private void OnCompilationStart(CompilationStartAnalysisContext start)
    {
        var symbols = KnownSymbols.TryCreate(start.Compilation);
        if (symbols is null)
        {
            return;
        }

        start.RegisterOperationAction(operation => OnInvocation(operation, symbols), OperationKind.Invocation);
    }

    private void OnInvocation(OperationAnalysisContext operation, KnownSymbols symbols)
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
        AnalyzeCall(context, call);
        if (AnalyzesChains && BuilderChain.IsOutermost(invocation, symbols))
        {
            AnalyzeChain(context, BuilderChain.Collect(call, symbols));
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
