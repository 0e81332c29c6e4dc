using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.StopSequencesAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class StopSequencesAnalyzerTests
{
    [Test]
    public Task More_than_four_params_underlines_the_extra_sequences() =>
        Verify.VerifyAsync(
            Code.InMethod("""_ = Chat.With("gpt-4o").User("Hi").Stop("a", "b", "c", "d", {|#0:"e", "f"|});"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("1", "4", "6"));

    [Test]
    public Task More_than_four_in_an_array_initializer_is_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").Stop(new[] { "a", "b", "c", "d", [|"e"|] });
            _ = Chat.With("gpt-4o").User("Hi").Stop(new string[] { "a", "b", "c", "d", [|"e"|] });
            """));

    [Test]
    public Task A_stop_call_with_no_sequence_is_reported_on_its_name() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").{|#0:Stop|}();
                _ = Chat.With("gpt-4o").User("Hi").{|#1:Stop|}(new string[0] { });
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("1", "4", "0"),
            Verify.Diagnostic().WithLocation(1).WithArguments("1", "4", "0"));

    [Test]
    public Task One_to_four_sequences_are_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").Stop("\n");
            _ = Chat.With("gpt-4o").User("Hi").Stop("a", "b", "c", "d");
            _ = Chat.With("gpt-4o").User("Hi").Stop(new[] { "a", "b", "c", "d" });
            """));

    [Test]
    public Task The_count_of_a_params_list_is_known_even_when_the_sequences_are_not_constants() =>
        Verify.VerifyAsync(Code.InMethod("""_ = Chat.With("gpt-4o").User("Hi").Stop(text, text, text, text, [|text|]);"""));

    [Test]
    public Task An_array_the_analyzer_cannot_see_is_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            var many = new[] { "a", "b", "c", "d", "e" };
            _ = Chat.With("gpt-4o").User("Hi").Stop(many);
            _ = Chat.With("gpt-4o").User("Hi").Stop(text.Split(','));
            """));

    [Test]
    public Task A_look_alike_stop_method_is_not_reported() =>
        Verify.VerifyAsync("""
            class Other
            {
                public Other Stop(params string[] sequences) => this;

                void M() => new Other().Stop().Stop("a", "b", "c", "d", "e");
            }
            """);
}
