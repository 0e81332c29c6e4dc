using ChatRequest.Analyzers.Rules;
using ChatRequest.Analyzers.Tests.Verifiers;
using ChatRequest.CodeFixes.Fixes;
using ChatRequest.CodeFixes.Tests.Verifiers;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.CodeFixes.Tests.Conventions;

/// <summary>What the light bulb shows: each fix's title and equivalence key, in the order offered.</summary>
public class TitleTests
{
    private static IEnumerable<TestCaseData> Cases()
    {
        yield return Case<NumericRangeAnalyzer, NumericRangeCodeFixProvider>(
            "_ = builder.Temperature(2.5).TopP(-1).N(1000);",
            ("Use 2 (the maximum)", NumericRangeCodeFixProvider.ClampKey),
            ("Use 0 (the minimum)", NumericRangeCodeFixProvider.ClampKey),
            ("Use 128 (the maximum)", NumericRangeCodeFixProvider.ClampKey));
        yield return Case<StopSequencesAnalyzer, StopSequencesCodeFixProvider>(
            """_ = builder.Stop("1", "2", "3", "4", "5").Stop();""",
            ("Keep the first 4 stop sequences", StopSequencesCodeFixProvider.KeepFirstKey),
            ("Remove the empty Stop() call", StopSequencesCodeFixProvider.RemoveEmptyKey));
        yield return Case<SamplingConflictAnalyzer, SamplingConflictCodeFixProvider>(
            "_ = builder.Temperature(1).TopP(1);",
            ("Remove TopP (keep Temperature)", SamplingConflictCodeFixProvider.RemoveTopPKey),
            ("Remove Temperature (keep TopP)", SamplingConflictCodeFixProvider.RemoveTemperatureKey));
        yield return Case<MissingPrerequisiteAnalyzer, MissingPrerequisiteCodeFixProvider>(
            """_ = Chat.With("m").TopLogprobs(1).Logprobs(false).StreamOptions(true);""",
            ("Change to Logprobs()", MissingPrerequisiteCodeFixProvider.AddLogprobsKey),
            ("Add Stream()", MissingPrerequisiteCodeFixProvider.AddStreamKey));
        yield return Case<DuplicateSettingAnalyzer, DuplicateSettingCodeFixProvider>(
            "_ = builder.Temperature(1).Temperature(2);",
            ("Remove the earlier Temperature call", DuplicateSettingCodeFixProvider.RemoveEarlierKey));
        yield return Case<TokenCapConflictAnalyzer, TokenCapConflictCodeFixProvider>(
            "_ = builder.MaxTokens(1).MaxCompletionTokens(2);",
            ("Remove MaxTokens (keep MaxCompletionTokens)", TokenCapConflictCodeFixProvider.RemoveMaxTokensKey),
            ("Use the MaxTokens value as MaxCompletionTokens", TokenCapConflictCodeFixProvider.MoveMaxTokensKey));
        yield return Case<ReasoningModelAnalyzer, ReasoningModelCodeFixProvider>(
            """_ = Chat.With("o1").Temperature(0).MaxTokens(5);""",
            ("Remove the Temperature call", ReasoningModelCodeFixProvider.RemoveCallKey),
            ("Remove the MaxTokens call", ReasoningModelCodeFixProvider.RemoveCallKey),
            ("Use MaxCompletionTokens", ReasoningModelCodeFixProvider.UseMaxCompletionTokensKey));
        yield return Case<DeprecatedFieldAnalyzer, DeprecatedFieldCodeFixProvider>(
            """_ = builder.MaxTokens(1).EndUser("u").Function("f").FunctionCall("f").FunctionCall(FunctionCallMode.Auto).Seed(1);""",
            ("Use MaxCompletionTokens", DeprecatedFieldCodeFixProvider.UseMaxCompletionTokensKey),
            ("Use SafetyIdentifier", DeprecatedFieldCodeFixProvider.UseSafetyIdentifierKey),
            ("Use Tool (a function tool)", DeprecatedFieldCodeFixProvider.UseToolKey),
            ("Use ForceFunction", DeprecatedFieldCodeFixProvider.UseForceFunctionKey),
            ("Use ToolChoice(ToolChoiceMode.Auto)", DeprecatedFieldCodeFixProvider.UseToolChoiceKey));
    }

    [TestCaseSource(nameof(Cases))]
    public async Task Fixes_are_offered_with_clear_titles_and_stable_keys(DiagnosticAnalyzer analyzer, CodeFixProvider provider, string statements, (string Title, string Key)[] expected)
    {
        var actions = await CodeActions.OfferedAsync(analyzer, provider, Code.InMethod(statements));

        actions.Select(a => (a.Title, a.EquivalenceKey!)).Should().Equal(expected);
    }

    private static TestCaseData Case<TAnalyzer, TProvider>(string statements, params (string Title, string Key)[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TProvider : CodeFixProvider, new() =>
        new TestCaseData(new TAnalyzer(), new TProvider(), statements, expected).SetArgDisplayNames(typeof(TProvider).Name);
}
