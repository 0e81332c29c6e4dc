using System.Collections.Immutable;
using System.Linq;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers;

/// <summary>
/// The analyzer the compiler loads: every rule family of <c>Rules/</c> behind one compilation-start lookup and one
/// invocation action, so that each invocation is looked at once and each chain is walked once for all rules (a
/// project that never calls the builder pays one cheap type test per invocation, not one per rule). The rule
/// classes are the units: each is tested on its own, and a test proves this analyzer reports exactly what they do.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ChatRequestAnalyzer : DiagnosticAnalyzer
{
    /// <summary>Every rule family, in rule-id order.</summary>
    internal static readonly ChatAnalyzer[] Rules =
    {
        new NumericRangeAnalyzer(),
        new StopSequencesAnalyzer(),
        new ModelIdAnalyzer(),
        new FunctionNameAnalyzer(),
        new LengthAndCountAnalyzer(),
        new SamplingConflictAnalyzer(),
        new MissingPrerequisiteAnalyzer(),
        new JsonModeInstructionAnalyzer(),
        new DuplicateSettingAnalyzer(),
        new NoMessagesAnalyzer(),
        new UndeclaredToolChoiceAnalyzer(),
        new TokenCapConflictAnalyzer(),
        new ReasoningModelAnalyzer(),
        new DeprecatedFieldAnalyzer(),
    };

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        Rules.SelectMany(rule => rule.SupportedDiagnostics).OrderBy(descriptor => descriptor.Id, System.StringComparer.Ordinal).ToImmutableArray();

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        // Not analyzed: generated files and [GeneratedCode] members. ReportDiagnostics (not None) because every
        // finding sits inside the invocation being analyzed, so none can land in generated code, and with None the
        // driver checks each reported diagnostic for generated code, walking the whole file on the first one.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.RegisterCompilationStartAction(start =>
        {
            var symbols = KnownSymbols.TryCreate(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            start.RegisterOperationAction(operation => ChatAnalyzer.Dispatch(operation, symbols, Rules), OperationKind.Invocation);
        });
    }
}
