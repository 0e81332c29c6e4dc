using System.Collections.Immutable;
using ChatRequest.Analyzers;
using ChatRequest.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Tests.Behaviour;

/// <summary>The analyzer the compiler loads reports exactly what the rule families report one by one.</summary>
public class CompositionTests
{
    private const string Source = """
        using System.Threading.Tasks;
        using ChatRequest;
        using static ChatRequest.Chat;

        public static class Samples
        {
            private const double Hot = 2.5;
            private static readonly ChatRequestBuilder Base = Chat.With("gpt-4o").System("Be terse.").Temperature(0.7);

            public static CreateChatCompletionRequest A() => Chat.With("gpt-4o").User("hi").Temperature(Hot).TopP(1.5).N(0).Build();
            public static CreateChatCompletionRequest B() => Chat.With(" ").Stop("a", "b", "c", "d", "e").Build();
            public static CreateChatCompletionRequest C() => With("o3").User("x").Temperature(0.2).MaxTokens(10).MaxCompletionTokens(10).Stop("\n").Build();
            public static CreateChatCompletionRequest D() => Chat.With("gpt-4o").User("x").TopLogprobs(3).StreamOptions(includeUsage: true).ParallelToolCalls().Build();
            public static CreateChatCompletionRequest E() => Chat.With("gpt-4o").User("x").JsonObjectFormat().Modalities(Modality.Audio).ForceFunction("nope").Tool("get weather").Build();
            public static CreateChatCompletionRequest F() => Base.User("q").Temperature(0.1).Temperature(0.2).TopP(0.5).Build();
            public static CreateChatCompletionRequest G() => Chat.With("gpt-4o").Temperature(1).Build();
            public static CreateChatCompletionRequest H() => Chat.With("gpt-4o").User("x").EndUser("u").Seed(1).Function("f").FunctionCall("f").SafetyIdentifier(new string('x', 70)).LogitBias(-1, 101).Build();
            public static async Task<CreateChatCompletionRequest> I(double t) { await Task.Yield(); return Chat.With("gpt-4o").User("x").Temperature(t).Build(); }
        }
        """;

    [Test]
    public async Task The_shipped_analyzer_reports_what_the_rule_families_report()
    {
        var compilation = CompilerHarness.Empty.AddSyntaxTrees(CompilerHarness.Parse(Source));
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();

        var shipped = await CompilerHarness.AnalyzeAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new ChatRequestAnalyzer()));
        var oneByOne = await CompilerHarness.AnalyzeAsync(compilation, CompilerHarness.RuleAnalyzers);

        shipped.Exceptions.Should().BeEmpty();
        oneByOne.Exceptions.Should().BeEmpty();
        Describe(shipped.Diagnostics).Should().BeEquivalentTo(Describe(oneByOne.Diagnostics));
        Describe(shipped.Diagnostics).Select(d => d.Split(' ')[0]).Distinct().Should().HaveCountGreaterThan(14, "the sample must exercise most rules");
    }

    private static string[] Describe(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Select(d => d.Id + " " + d.Location.SourceSpan + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
}
