using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.DeprecatedFieldAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class DeprecatedFieldAnalyzerTests
{
    [Test]
    public Task Max_tokens_is_reported_with_its_replacement() =>
        Verify.VerifyAsync(
            Code.InMethod("""_ = Chat.With("gpt-4o").User("Hi").{|#0:MaxTokens|}(100);"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("max_tokens", "use max_completion_tokens"));

    [Test]
    public Task The_function_role_is_reported() =>
        Verify.VerifyAsync(
            Code.InMethod("""_ = builder.{|#0:FunctionResult|}("f", "42");"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("the function role", "answer tool calls with a tool message (role \"tool\")"));

    [Test]
    public Task Every_deprecated_call_is_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").[|Function|]("f").[|FunctionCall|]("f").[|FunctionCall|](FunctionCallMode.Auto)
                .[|EndUser|]("u").[|Seed|](42).[|PromptCacheRetention|](PromptCacheRetention.InMemory);
            """));

    [Test]
    public Task Current_calls_are_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").Tool("f").ForceFunction("f").MaxCompletionTokens(5).SafetyIdentifier("u")
                .PromptCacheKey("k").PromptCacheOptions(PromptCacheMode.Implicit).ToolResult("c", "r").Build();
            """));
}
