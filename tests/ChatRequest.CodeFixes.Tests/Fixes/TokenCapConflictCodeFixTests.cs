using ChatRequest.Analyzers.Tests.Verifiers;
using ChatRequest.CodeFixes.Fixes;
using ChatRequest.CodeFixes.Tests.Verifiers;
using Verify = ChatRequest.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    ChatRequest.Analyzers.Rules.TokenCapConflictAnalyzer,
    ChatRequest.CodeFixes.Fixes.TokenCapConflictCodeFixProvider>;

namespace ChatRequest.CodeFixes.Tests.Fixes;

public class TokenCapConflictCodeFixTests
{
    private const string Remove = TokenCapConflictCodeFixProvider.RemoveMaxTokensKey;
    private const string Move = TokenCapConflictCodeFixProvider.MoveMaxTokensKey;

    private const string Calls = """
        _ = Chat.With("gpt-4o").User("Hi").{|CHAT210:MaxTokens|}(100).MaxCompletionTokens(200);
        _ = builder.MaxCompletionTokens(200).{|CHAT210:MaxTokens|}(maxTokens: 100);
        """;

    [Test]
    public Task Remove_MaxTokens_keeps_MaxCompletionTokens() =>
        Verify.VerifyAsync(
            Code.InMethod(Calls),
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").MaxCompletionTokens(200);
                _ = builder.MaxCompletionTokens(200);
                """),
            Remove);

    [Test]
    public Task Moving_the_MaxTokens_value_replaces_MaxCompletionTokens() =>
        Verify.VerifyAsync(
            Code.InMethod(Calls),
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").MaxCompletionTokens(100);
                _ = builder.MaxCompletionTokens(maxCompletionTokens: 100);
                """),
            Move);

    [Test]
    public Task Multi_line_chains_with_comments() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                var request = Chat.With("gpt-4o")
                    .User("Hi")
                    .{|CHAT210:MaxTokens|}(100) // legacy cap
                    // the new cap
                    .MaxCompletionTokens(200)
                    .Build();
                """),
            Code.InMethod("""
                var request = Chat.With("gpt-4o")
                    .User("Hi")
                    .MaxCompletionTokens(100) // legacy cap
                    // the new cap
                    .Build();
                """),
            Move);

    [Test]
    public Task Fix_all_removes_MaxTokens_in_documents_projects_and_the_solution() =>
        Verify.VerifyFixAllAsync(
            Remove,
            (Code.InMethod("""
                _ = builder.{|CHAT210:MaxTokens|}(1).MaxCompletionTokens(2);
                _ = Chat.With("gpt-4o")
                    .{|CHAT210:MaxTokens|}(1)
                    .MaxCompletionTokens(2);
                """),
             Code.InMethod("""
                _ = builder.MaxCompletionTokens(2);
                _ = Chat.With("gpt-4o")
                    .MaxCompletionTokens(2);
                """)),
            (Sources.InClass("D", """_ = builder.MaxCompletionTokens(2).{|CHAT210:MaxTokens|}(1).User("Hi");"""),
             Sources.InClass("D", """_ = builder.MaxCompletionTokens(2).User("Hi");""")),
            (Sources.InClass("E", """_ = builder.{|CHAT210:MaxTokens|}(1).MaxCompletionTokens(2);"""),
             Sources.InClass("E", """_ = builder.MaxCompletionTokens(2);""")));

    [Test]
    public Task Fix_all_moves_MaxTokens_in_documents_projects_and_the_solution() =>
        Verify.VerifyFixAllAsync(
            Move,
            (Code.InMethod("""_ = builder.{|CHAT210:MaxTokens|}(1).MaxCompletionTokens(2).MaxCompletionTokens(3);"""),
             Code.InMethod("""_ = builder.MaxCompletionTokens(1);""")),
            (Sources.InClass("D", """_ = builder.MaxCompletionTokens(2).{|CHAT210:MaxTokens|}(1).User("Hi");"""),
             Sources.InClass("D", """_ = builder.MaxCompletionTokens(1).User("Hi");""")),
            (Sources.InClass("E", """_ = builder.{|CHAT210:MaxTokens|}(1).MaxCompletionTokens(2);"""),
             Sources.InClass("E", """_ = builder.MaxCompletionTokens(1);""")));
}
