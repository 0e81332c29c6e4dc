using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.SamplingConflictAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class SamplingConflictAnalyzerTests
{
    [Test]
    public Task Temperature_and_top_p_in_one_chain_are_reported_on_top_p_with_temperature_as_additional_location() =>
        Verify.VerifyAsync(
            Code.InMethod("""_ = Chat.With("gpt-4o").User("Hi").{|#1:Temperature|}(0.2).{|#0:TopP|}(0.9).Build();"""),
            Verify.Diagnostic().WithLocation(0).WithLocation(1));

    [Test]
    public Task The_order_does_not_matter_and_variable_chains_count() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").[|TopP|](0.9).User("Hi").Temperature(runtime);
            _ = builder.Temperature(1).[|TopP|](1);
            """));

    [Test]
    public Task One_of_them_or_two_separate_chains_are_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").Temperature(0.2).Build();
            _ = Chat.With("gpt-4o").User("Hi").TopP(0.9).Build();
            var partial = Chat.With("gpt-4o").Temperature(0.2);
            _ = partial.User("Hi").Build();
            """));

    [Test]
    public Task Look_alike_methods_are_not_reported() =>
        Verify.VerifyAsync("""
            class Other
            {
                public Other Temperature(double value) => this;
                public Other TopP(double value) => this;

                void M() => new Other().Temperature(1).TopP(1);
            }
            """);
}
