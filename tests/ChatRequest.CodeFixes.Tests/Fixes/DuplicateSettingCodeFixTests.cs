using ChatRequest.Analyzers.Tests.Verifiers;
using ChatRequest.CodeFixes.Fixes;
using ChatRequest.CodeFixes.Tests.Verifiers;
using Verify = ChatRequest.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    ChatRequest.Analyzers.Rules.DuplicateSettingAnalyzer,
    ChatRequest.CodeFixes.Fixes.DuplicateSettingCodeFixProvider>;

namespace ChatRequest.CodeFixes.Tests.Fixes;

public class DuplicateSettingCodeFixTests
{
    private const string Key = DuplicateSettingCodeFixProvider.RemoveEarlierKey;

    [Test]
    public Task The_earlier_call_is_removed() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").{|CHAT206:Temperature|}(0.2).Temperature(0.7);
                _ = builder.{|CHAT206:ForceFunction|}("f").N(2).ToolChoice(ToolChoiceMode.Auto);
                """),
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").Temperature(0.7);
                _ = builder.N(2).ToolChoice(ToolChoiceMode.Auto);
                """),
            Key);

    [Test]
    public Task Three_calls_in_a_multi_line_chain_with_comments_leave_the_last() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                var request = Chat.With("gpt-4o")
                    .{|CHAT206:Temperature|}(0.2) // first try
                    .User("Hi")
                    // second try
                    .{|CHAT206:Temperature|}(0.5)
                    .Temperature(0.7) // final
                    .Build();
                """),
            Code.InMethod("""
                var request = Chat.With("gpt-4o")
                    .User("Hi")
                    // second try
                    .Temperature(0.7) // final
                    .Build();
                """),
            Key);

    [Test]
    public Task Fix_all_removes_every_overridden_call_in_documents_projects_and_the_solution() =>
        Verify.VerifyFixAllAsync(
            Key,
            (Code.InMethod("""
                _ = builder.{|CHAT206:N|}(1).{|CHAT206:N|}(2).N(3);
                _ = builder.{|CHAT206:Seed|}(1).Seed(2);
                """),
             Code.InMethod("""
                _ = builder.N(3);
                _ = builder.Seed(2);
                """)),
            (Sources.InClass("D", """_ = builder.{|CHAT206:Stream|}().{|CHAT206:Temperature|}(1).Stream(false).Temperature(2);"""),
             Sources.InClass("D", """_ = builder.Stream(false).Temperature(2);""")),
            (Sources.InClass("E", """_ = builder.{|CHAT206:TopP|}(0.1).TopP(0.2);"""),
             Sources.InClass("E", """_ = builder.TopP(0.2);""")));
}
