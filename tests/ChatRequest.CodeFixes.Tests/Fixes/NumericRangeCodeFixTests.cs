using ChatRequest.Analyzers.Tests.Verifiers;
using ChatRequest.CodeFixes.Fixes;
using ChatRequest.CodeFixes.Tests.Verifiers;
using Verify = ChatRequest.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    ChatRequest.Analyzers.Rules.NumericRangeAnalyzer,
    ChatRequest.CodeFixes.Fixes.NumericRangeCodeFixProvider>;

namespace ChatRequest.CodeFixes.Tests.Fixes;

public class NumericRangeCodeFixTests
{
    private const string Key = NumericRangeCodeFixProvider.ClampKey;

    [Test]
    public Task Values_above_the_range_become_the_maximum_and_below_the_minimum() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").Temperature({|CHAT101:2.5|}).TopP({|CHAT101:-0.1f|}).N({|CHAT101:0|});
                _ = builder.FrequencyPenalty({|CHAT101:-3|}).PresencePenalty({|CHAT101:9.5|}).LogitBias({|CHAT101:-1|}, {|CHAT101:150|});
                _ = builder.MaxTokens({|CHAT101:0|}).MaxCompletionTokens({|CHAT101:-5|}).TopLogprobs({|CHAT101:21|});
                """),
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").Temperature(2).TopP(0).N(1);
                _ = builder.FrequencyPenalty(-2).PresencePenalty(2).LogitBias(0, 100);
                _ = builder.MaxTokens(1).MaxCompletionTokens(1).TopLogprobs(20);
                """),
            Key);

    [Test]
    public Task Named_arguments_constants_and_infinities_are_replaced_at_the_call_site() =>
        Verify.VerifyAsync(
            """
            using ChatRequest;

            class C
            {
                const double Hot = 3;

                ChatRequestBuilder M(ChatRequestBuilder b) =>
                    b.Temperature(temperature: {|CHAT101:Hot|})
                     .TopP({|CHAT101:double.PositiveInfinity|})
                     .FrequencyPenalty({|CHAT101:double.NegativeInfinity|})
                     .PresencePenalty({|CHAT101:unchecked(2 + 1)|});
            }
            """,
            """
            using ChatRequest;

            class C
            {
                const double Hot = 3;

                ChatRequestBuilder M(ChatRequestBuilder b) =>
                    b.Temperature(temperature: 2)
                     .TopP(1)
                     .FrequencyPenalty(-2)
                     .PresencePenalty(2);
            }
            """,
            Key);

    [Test]
    public Task Multi_line_chains_keep_their_layout_and_comments() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                var request = Chat.With("gpt-4o")
                    .User("Hi")
                    // creative, but not too much
                    .Temperature(/* too hot */ {|CHAT101:2.5|} /* really */) // end of line
                    .Build();
                """),
            Code.InMethod("""
                var request = Chat.With("gpt-4o")
                    .User("Hi")
                    // creative, but not too much
                    .Temperature(/* too hot */ 2 /* really */) // end of line
                    .Build();
                """),
            Key);

    [Test]
    public Task NaN_gets_no_fix() =>
        Verify.VerifyNoFixAsync(Code.InMethod("""_ = builder.Temperature({|CHAT101:double.NaN|}).TopP({|CHAT101:0.0 / 0.0|});"""));

    [Test]
    public Task Fix_all_clamps_every_value_in_documents_projects_and_the_solution() =>
        Verify.VerifyFixAllAsync(
            Key,
            (Code.InMethod("""_ = builder.Temperature({|CHAT101:3|}).TopP({|CHAT101:2|});"""),
             Code.InMethod("""_ = builder.Temperature(2).TopP(1);""")),
            (Sources.InClass("D", """_ = builder.N({|CHAT101:200|});"""),
             Sources.InClass("D", """_ = builder.N(128);""")),
            (Sources.InClass("E", """_ = builder.LogitBias({|CHAT101:-7|}, {|CHAT101:-101|});"""),
             Sources.InClass("E", """_ = builder.LogitBias(0, -100);""")));
}
