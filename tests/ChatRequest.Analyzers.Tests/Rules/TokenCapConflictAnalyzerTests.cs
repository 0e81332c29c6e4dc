using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.TokenCapConflictAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class TokenCapConflictAnalyzerTests
{
    [Test]
    public Task Both_token_caps_are_reported_on_max_tokens() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").{|#0:MaxTokens|}(100).{|#1:MaxCompletionTokens|}(100);
                _ = builder.MaxCompletionTokens(count).[|MaxTokens|](count);
                """),
            Verify.Diagnostic().WithLocation(0).WithLocation(1));

    [Test]
    public Task One_cap_is_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").MaxTokens(100);
            _ = Chat.With("gpt-4o").User("Hi").MaxCompletionTokens(100);
            """));
}
