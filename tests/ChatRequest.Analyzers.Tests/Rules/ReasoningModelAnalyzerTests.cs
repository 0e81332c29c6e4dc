using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.ReasoningModelAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class ReasoningModelAnalyzerTests
{
    [Test]
    public Task A_temperature_other_than_one_on_a_reasoning_model_is_reported() =>
        Verify.VerifyAsync(
            Code.InMethod("""_ = Chat.With("o3-mini").User("Hi").{|#0:Temperature|}(0.5);"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("\"o3-mini\"", "o3", "temperature other than 1"));

    [Test]
    public Task Every_rejected_setting_is_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("o1").User("Hi").[|TopP|](0.5).[|FrequencyPenalty|](0).[|PresencePenalty|](0).[|Logprobs|]()
                .[|TopLogprobs|](2).[|LogitBias|](1, 5).[|MaxTokens|](50).Stop("x").MaxCompletionTokens(50);
            """));

    [Test]
    public Task Stop_is_reported_on_o3_and_o4_mini_only() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("o3").User("Hi").[|Stop|]("x");
            _ = Chat.With("o4-mini-2025-04-16").User("Hi").[|Stop|]("x");
            _ = Chat.With("o1-preview").User("Hi").Stop("x");
            _ = Chat.With("gpt-5").User("Hi").Stop("x");
            """));

    [Test]
    public Task Family_prefixes_match_versions_and_provider_paths_but_not_other_models() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-5.1").User("Hi").[|TopP|](1);
            _ = Chat.With("GPT-5-mini").User("Hi").[|TopP|](1);
            _ = Chat.With("openai/o3-mini").User("Hi").[|TopP|](1);
            _ = Chat.With("gpt-50").User("Hi").TopP(1);
            _ = Chat.With("gpt-4o").User("Hi").TopP(1).Temperature(0.5).MaxTokens(5);
            _ = Chat.With("o10").User("Hi").TopP(1);
            """));

    [Test]
    public Task Temperature_one_non_constant_values_unknown_models_and_variable_starts_are_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("o1").User("Hi").Temperature(1).MaxCompletionTokens(100).ReasoningEffort(ReasoningEffort.High);
            _ = Chat.With("o1").User("Hi").Temperature(runtime);
            _ = Chat.With(text).User("Hi").TopP(0.5);
            _ = builder.TopP(0.5);
            """));

    [Test]
    public Task The_families_can_be_replaced_in_editorconfig() =>
        Verify.VerifyWithEditorConfigAsync(
            Code.InMethod("""
                _ = Chat.With("my-reasoner-2").User("Hi").[|TopP|](1).Stop("x");
                _ = Chat.With("o1").User("Hi").TopP(1);
                _ = Chat.With("o3").User("Hi").[|Stop|]("x");
                """),
            """
            root = true

            [*]
            chatrequest.reasoning_model_prefixes = o3, my-reasoner
            """);

    [Test]
    public Task Which_families_reject_stop_can_be_replaced_in_editorconfig() =>
        Verify.VerifyWithEditorConfigAsync(
            Code.InMethod("""
                _ = Chat.With("o1").User("Hi").[|Stop|]("x");
                _ = Chat.With("o3").User("Hi").Stop("x");
                """),
            """
            root = true

            [*.cs]
            chatrequest.reasoning_model_prefixes_rejecting_stop = o1
            """);
}
