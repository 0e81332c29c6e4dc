using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Rules;

/// <summary>
/// CHAT205: JSON mode (<c>JsonObjectFormat()</c> is the chain's last response_format) while no message mentions
/// JSON. Judged only when every message of the request is visible: the chain starts at <c>Chat.With</c>, ends with
/// <c>Build()</c> or <c>Validate()</c> (a partial chain may get its messages later) and all message texts are
/// constants.
/// </summary>
public sealed class JsonModeInstructionAnalyzer : ChatAnalyzer
{
    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT205_JsonModeWithoutInstruction);

    internal override bool AnalyzesChains => true;

    internal override void AnalyzeChain(in RuleContext context, BuilderChain chain)
    {
        if (!chain.IsWholeRequest || !chain.EndsWithTerminal)
        {
            return;
        }

        var format = chain.Last(ChatRules.Fields.ResponseFormat);
        if (format is null || !format.Is(ChatRules.JsonObjectFormatMethod))
        {
            return;
        }

        foreach (var call in chain.Calls)
        {
            if (call.Method?.Role != BuilderMethodRole.Message || IsWithoutText(call))
            {
                continue;
            }

            var content = call.Argument(ChatRules.ContentParameter);
            if (content is null || !ConstantReader.TryGetString(content.Value, out var text) || ChatRules.MentionsJson(text))
            {
                return; // a message we cannot read, or one that asks for JSON
            }
        }

        context.Report(Descriptors.CHAT205_JsonModeWithoutInstruction, format.NameLocation);
    }

    private static bool IsWithoutText(BuilderCall call)
    {
        foreach (var method in ChatRules.MessagesWithoutText)
        {
            if (call.Is(method))
            {
                return true;
            }
        }

        return false;
    }
}
