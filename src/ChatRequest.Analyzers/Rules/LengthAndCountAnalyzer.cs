using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ChatRequest.Analyzers.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ChatRequest.Analyzers.Rules;

/// <summary>
/// CHAT105: string and collection limits. A constant safety_identifier over 64 characters, a constant metadata
/// key over 64 or value over 512 characters; a chain that adds more than 16 distinct constant metadata keys or
/// declares more than 128 functions (counted from the chain alone, so never more than the request will hold).
/// </summary>
public sealed class LengthAndCountAnalyzer : ChatAnalyzer
{
    private const string KeyParameter = "key";
    private const string ValueParameter = "value";
    private const string SafetyIdentifierParameter = "safetyIdentifier";

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(Descriptors.CHAT105_StringOrCollectionLimit);

    internal override bool AnalyzesChains => true;

    internal override void AnalyzeCall(in RuleContext context, BuilderCall call)
    {
        if (call.Sets(ChatRules.Fields.SafetyIdentifier))
        {
            CheckLength(context, call.Argument(SafetyIdentifierParameter), ChatRules.MaxSafetyIdentifierLength, "safety_identifier must be at most {0} characters, but has {1}");
        }
        else if (call.Sets(ChatRules.Fields.Metadata))
        {
            CheckLength(context, call.Argument(KeyParameter), ChatRules.MaxMetadataKeyLength, "metadata keys must be at most {0} characters, but this one has {1}");
            CheckLength(context, call.Argument(ValueParameter), ChatRules.MaxMetadataValueLength, "metadata values must be at most {0} characters, but this one has {1}");
        }
    }

    internal override void AnalyzeChain(in RuleContext context, BuilderChain chain)
    {
        HashSet<string>? keys = null;
        BuilderCall? firstExtraPair = null;
        var functions = 0;
        BuilderCall? firstExtraFunction = null;
        foreach (var call in chain.Calls)
        {
            if (call.Sets(ChatRules.Fields.Metadata)
                && ConstantReader.TryGetString(call.Argument(KeyParameter)?.Value, out var key)
                && key is not null)
            {
                keys ??= new HashSet<string>(StringComparer.Ordinal);
                if (keys.Add(key) && keys.Count == ChatRules.MaxMetadataPairs + 1)
                {
                    firstExtraPair = call;
                }
            }
            else if (call.Sets(ChatRules.Fields.Functions))
            {
                functions++;
                if (functions == ChatRules.MaxFunctions + 1)
                {
                    firstExtraFunction = call;
                }
            }
        }

        if (firstExtraPair is not null)
        {
            context.Report(
                Descriptors.CHAT105_StringOrCollectionLimit,
                firstExtraPair.NameLocation,
                "metadata must hold at most " + ConstantReader.Format(ChatRules.MaxMetadataPairs) + " pairs, but this chain sets " + ConstantReader.Format(keys!.Count));
        }

        if (firstExtraFunction is not null)
        {
            context.Report(
                Descriptors.CHAT105_StringOrCollectionLimit,
                firstExtraFunction.NameLocation,
                "functions must hold 1 to " + ConstantReader.Format(ChatRules.MaxFunctions) + " functions, but this chain declares " + ConstantReader.Format(functions));
        }
    }

    private static void CheckLength(in RuleContext context, IArgumentOperation? argument, int max, string format)
    {
        if (BuilderCall.IsExplicit(argument)
            && ConstantReader.TryGetString(argument!.Value, out var text)
            && text is not null
            && text.Length > max)
        {
            context.Report(
                Descriptors.CHAT105_StringOrCollectionLimit,
                BuilderCall.ValueLocation(argument),
                string.Format(System.Globalization.CultureInfo.InvariantCulture, format, max, text.Length));
        }
    }
}
