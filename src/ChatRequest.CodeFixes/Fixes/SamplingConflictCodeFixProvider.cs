using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using ChatRequest.CodeFixes.Internal;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace ChatRequest.CodeFixes.Fixes;

/// <summary>
/// CHAT201: temperature and top_p both set. Two fixes: remove the TopP call (where the analyzer reports), or
/// remove the Temperature call (the diagnostic's additional location).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SamplingConflictCodeFixProvider))]
[Shared]
public sealed class SamplingConflictCodeFixProvider : ChatCodeFixProvider
{
    /// <summary>Equivalence key of "Remove TopP (keep Temperature)".</summary>
    public const string RemoveTopPKey = "CHAT201_RemoveTopP";

    /// <summary>Equivalence key of "Remove Temperature (keep TopP)".</summary>
    public const string RemoveTemperatureKey = "CHAT201_RemoveTemperature";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(ChatRules.TemperatureWithTopP);

    private protected override IEnumerable<ChainFix> GetFixes(FixDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (document.CallNamedAt(diagnostic.Location.SourceSpan) is { } topP
            && CommonFixes.RemoveCall(topP, RemoveTopPKey, "Remove TopP (keep Temperature)") is { } removeTopP)
        {
            yield return removeTopP;
        }

        if (diagnostic.AdditionalLocations.Count > 0
            && document.CallNamedAt(diagnostic.AdditionalLocations[0].SourceSpan) is { } temperature
            && CommonFixes.RemoveCall(temperature, RemoveTemperatureKey, "Remove Temperature (keep TopP)") is { } removeTemperature)
        {
            yield return removeTemperature;
        }
    }
}
