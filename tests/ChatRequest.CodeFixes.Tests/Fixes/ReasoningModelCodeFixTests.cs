using ChatRequest.Analyzers.Tests.Verifiers;
using ChatRequest.CodeFixes.Fixes;
using ChatRequest.CodeFixes.Tests.Verifiers;
using Verify = ChatRequest.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    ChatRequest.Analyzers.Rules.ReasoningModelAnalyzer,
    ChatRequest.CodeFixes.Fixes.ReasoningModelCodeFixProvider>;

namespace ChatRequest.CodeFixes.Tests.Fixes;

public class ReasoningModelCodeFixTests
{
    private const string Remove = ReasoningModelCodeFixProvider.RemoveCallKey;
    private const string UseMaxCompletionTokens = ReasoningModelCodeFixProvider.UseMaxCompletionTokensKey;

    [Test]
    public Task Unsupported_calls_are_removed() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("o3-mini").User("Hi").{|CHAT301:Temperature|}(0.5).{|CHAT301:TopP|}(0.9).Build();
                _ = Chat.With("o1").{|CHAT301:LogitBias|}(1, 5).{|CHAT301:LogitBias|}(2, 5).User("Hi");
                """),
            Code.InMethod("""
                _ = Chat.With("o3-mini").User("Hi").Build();
                _ = Chat.With("o1").User("Hi");
                """),
            Remove);

    [Test]
    public Task MaxTokens_moves_to_MaxCompletionTokens_or_goes_when_that_is_set() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("o1").User("Hi").{|CHAT301:MaxTokens|}(500);
                _ = Chat.With("gpt-5").User("Hi").{|CHAT301:MaxTokens|}(maxTokens: 500).MaxCompletionTokens(800);
                """),
            Code.InMethod("""
                _ = Chat.With("o1").User("Hi").MaxCompletionTokens(500);
                _ = Chat.With("gpt-5").User("Hi").MaxCompletionTokens(800);
                """),
            UseMaxCompletionTokens);

    [Test]
    public Task Multi_line_chains_with_comments() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                var request = Chat.With("o3")
                    .Developer("Be brief.")
                    // tuned for gpt-4o
                    .{|CHAT301:Temperature|}(0.3) // low
                    .{|CHAT301:Stop|}("\n")
                    .User("Hi") // the question
                    .{|CHAT301:PresencePenalty|}(0.5).Build();
                """),
            Code.InMethod("""
                var request = Chat.With("o3")
                    .Developer("Be brief.")
                    // tuned for gpt-4o
                    .User("Hi") // the question
                    .Build();
                """),
            Remove);

    [Test]
    public Task Fix_all_removes_unsupported_calls_in_documents_projects_and_the_solution() =>
        Verify.VerifyFixAllAsync(
            Remove,
            (Code.InMethod("""_ = Chat.With("o1").{|CHAT301:Logprobs|}().{|CHAT301:TopLogprobs|}(2).User("Hi");"""),
             Code.InMethod("""_ = Chat.With("o1").User("Hi");""")),
            (Sources.InClass("D", """_ = Chat.With("o4-mini").User("Hi").{|CHAT301:Stop|}("x");"""),
             Sources.InClass("D", """_ = Chat.With("o4-mini").User("Hi");""")),
            (Sources.InClass("E", """_ = Chat.With("gpt-5").User("Hi").{|CHAT301:FrequencyPenalty|}(1);"""),
             Sources.InClass("E", """_ = Chat.With("gpt-5").User("Hi");""")));

    [Test]
    public Task Fix_all_moves_MaxTokens_in_documents_projects_and_the_solution() =>
        Verify.VerifyFixAllAsync(
            UseMaxCompletionTokens,
            (Code.InMethod("""_ = Chat.With("o1").User("Hi").{|CHAT301:MaxTokens|}(5);"""),
             Code.InMethod("""_ = Chat.With("o1").User("Hi").MaxCompletionTokens(5);""")),
            (Sources.InClass("D", """_ = Chat.With("o3").{|CHAT301:MaxTokens|}(5).MaxCompletionTokens(6);"""),
             Sources.InClass("D", """_ = Chat.With("o3").MaxCompletionTokens(6);""")),
            (Sources.InClass("E", """_ = Chat.With("gpt-5").{|CHAT301:MaxTokens|}(5);"""),
             Sources.InClass("E", """_ = Chat.With("gpt-5").MaxCompletionTokens(5);""")));
}
