using ChatRequest.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ChatRequest.Analyzers.Tests.Behaviour;

/// <summary>
/// What the IDE feeds the analyzer while the user types: every prefix of some sample programs, cut after each
/// token. No analyzer may throw (AD0001) and the driver must not fail, whatever the half-typed code is.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class HalfTypedCodeTests
{
    private const string Program = """
        using System;
        using ChatRequest;
        using static ChatRequest.Chat;

        var request = Chat.With("o3-mini")
            .System("You are terse. Reply in JSON.")
            .User("What is the capital of France?")
            .Temperature(2.5).TopP(0.9).Temperature(1)
            .Stop("a", "b", "c", "d", "e")
            .LogitBias(-1, 150)
            .TopLogprobs(30)
            .StreamOptions(includeUsage: true)
            .JsonObjectFormat()
            .MaxTokens(0).MaxCompletionTokens(10)
            .Build();
        var empty = With("").Build();
        Console.WriteLine(request.ToJson() + empty);
        """;

    private const string Library = """
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using ChatRequest;

        public sealed class Requests
        {
            private const double Hot = 3;
            private static readonly ChatRequestBuilder Base = Chat.With("gpt-5").Developer("Be brief.").N(0);
            private readonly List<ChatRequestBuilder> _all = new() { Base.Temperature(Hot), Chat.With(" ").Build() is null ? Base : Base };

            public ChatRequestBuilder Tools(string name) =>
                Base.Tool("get weather", "Weather", "{}").Tool("get weather").CustomTool("x")
                    .ForceFunction("missing").ParallelToolCalls(false).Function("f").FunctionCall("g");

            public async Task<CreateChatCompletionRequest> BuildAsync(bool stream)
            {
                await Task.Yield();
                return Chat.With("gpt-4o-audio-preview").User("Hi").Modalities(Modality.Text, Modality.Audio)
                    .Stream(stream).StreamOptions(true).Metadata("k", new string('v', 600)).SafetyIdentifier("id")
                    .EndUser("u").Seed(1).FunctionResult("f", "r").Build();
            }
        }
        """;

    public static IEnumerable<TestCaseData> Samples()
    {
        yield return new TestCaseData(Program, OutputKind.ConsoleApplication).SetArgDisplayNames("top-level program");
        yield return new TestCaseData(Library, OutputKind.DynamicallyLinkedLibrary).SetArgDisplayNames("library");
    }

    [TestCaseSource(nameof(Samples))]
    public async Task No_analyzer_throws_on_any_prefix(string sample, OutputKind outputKind)
    {
        var complete = CompilerHarness.Parse(sample);
        var cuts = complete.GetRoot().DescendantTokens().Select(token => token.Span.End).Distinct().ToList();
        cuts.Should().HaveCountGreaterThan(100);
        var baseCompilation = CompilerHarness.Empty.WithOptions(CompilerHarness.Empty.Options.WithOutputKind(outputKind));
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cut in cuts)
        {
            var prefix = sample[..cut];
            var compilation = baseCompilation.AddSyntaxTrees(CompilerHarness.Parse(prefix));
            var result = await CompilerHarness.AnalyzeAsync(compilation, CompilerHarness.AllAnalyzers);

            result.Exceptions.Should().BeEmpty("no analyzer may throw on this prefix:\n" + prefix);
            result.Diagnostics.Should().NotContain(d => d.Id == "AD0001", "the driver reports analyzer failures as AD0001 on:\n" + prefix);
            reported.UnionWith(result.Diagnostics.Select(d => d.Id));
        }

        reported.Should().Contain(new[] { "CHAT101", "CHAT103" }, "the complete samples break rules, so the analyzers did run");
    }
}
