using ChatRequest.Analyzers.Tests.Verifiers;
using ChatRequest.CodeFixes.Fixes;
using ChatRequest.CodeFixes.Tests.Verifiers;
using Verify = ChatRequest.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    ChatRequest.Analyzers.Rules.MissingPrerequisiteAnalyzer,
    ChatRequest.CodeFixes.Fixes.MissingPrerequisiteCodeFixProvider>;

namespace ChatRequest.CodeFixes.Tests.Fixes;

public class MissingPrerequisiteCodeFixTests
{
    private const string AddLogprobs = MissingPrerequisiteCodeFixProvider.AddLogprobsKey;
    private const string AddStream = MissingPrerequisiteCodeFixProvider.AddStreamKey;

    [Test]
    public Task Logprobs_is_added_before_TopLogprobs_or_turned_on() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").{|CHAT202:TopLogprobs|}(3).Build();
                _ = Chat.With("gpt-4o").User("Hi").Logprobs(false).{|CHAT202:TopLogprobs|}(3);
                _ = Chat.With("gpt-4o").User("Hi").{|CHAT202:TopLogprobs|}(3).Logprobs(logprobs: false);
                """),
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").Logprobs().TopLogprobs(3).Build();
                _ = Chat.With("gpt-4o").User("Hi").Logprobs().TopLogprobs(3);
                _ = Chat.With("gpt-4o").User("Hi").TopLogprobs(3).Logprobs();
                """),
            AddLogprobs);

    [Test]
    public Task Stream_is_added_before_StreamOptions_or_turned_on() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").{|CHAT203:StreamOptions|}(includeUsage: true);
                _ = Chat.With("gpt-4o").User("Hi").Stream(stream: false).{|CHAT203:StreamOptions|}(includeUsage: true);
                """),
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").Stream().StreamOptions(includeUsage: true);
                _ = Chat.With("gpt-4o").User("Hi").Stream().StreamOptions(includeUsage: true);
                """),
            AddStream);

    [Test]
    public Task In_a_multi_line_chain_the_added_call_gets_its_own_line() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                var request = Chat.With("gpt-4o")
                    .User("Hi") // greeting
                    // alternatives per token
                    .{|CHAT202:TopLogprobs|}(3)
                    .Build();
                """),
            Code.InMethod("""
                var request = Chat.With("gpt-4o")
                    .User("Hi") // greeting
                    .Logprobs()
                    // alternatives per token
                    .TopLogprobs(3)
                    .Build();
                """),
            AddLogprobs);

    [Test]
    public Task In_a_multi_line_chain_Stream_gets_its_own_line() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                var streamed = Chat.With("gpt-4o")
                    .User("Hi")
                    /* options */ .{|CHAT203:StreamOptions|}(includeUsage: true)
                    .Build();
                var other = Chat.With("gpt-4o").User("Hi")
                        .{|CHAT203:StreamOptions|}(includeUsage: true) // usage at the end
                        .Build();
                """),
            Code.InMethod("""
                var streamed = Chat.With("gpt-4o")
                    .User("Hi")
                    .Stream()
                    /* options */ .StreamOptions(includeUsage: true)
                    .Build();
                var other = Chat.With("gpt-4o").User("Hi")
                        .Stream()
                        .StreamOptions(includeUsage: true) // usage at the end
                        .Build();
                """),
            AddStream);

    [Test]
    public Task Fix_all_adds_Logprobs_in_documents_projects_and_the_solution() =>
        Verify.VerifyFixAllAsync(
            AddLogprobs,
            (Code.InMethod("""
                _ = Chat.With("a").User("Hi").{|CHAT202:TopLogprobs|}(1);
                _ = Chat.With("b").User("Hi").{|CHAT202:TopLogprobs|}(2);
                """),
             Code.InMethod("""
                _ = Chat.With("a").User("Hi").Logprobs().TopLogprobs(1);
                _ = Chat.With("b").User("Hi").Logprobs().TopLogprobs(2);
                """)),
            (Sources.InClass("D", """_ = Chat.With("a").Logprobs(false).{|CHAT202:TopLogprobs|}(1);"""),
             Sources.InClass("D", """_ = Chat.With("a").Logprobs().TopLogprobs(1);""")),
            (Sources.InClass("E", """_ = Chat.With("a").{|CHAT202:TopLogprobs|}(1);"""),
             Sources.InClass("E", """_ = Chat.With("a").Logprobs().TopLogprobs(1);""")));

    [Test]
    public Task Fix_all_adds_Stream_in_documents_projects_and_the_solution() =>
        Verify.VerifyFixAllAsync(
            AddStream,
            (Code.InMethod("""_ = Chat.With("a").User("Hi").{|CHAT203:StreamOptions|}(true);"""),
             Code.InMethod("""_ = Chat.With("a").User("Hi").Stream().StreamOptions(true);""")),
            (Sources.InClass("D", """_ = Chat.With("a").Stream(false).{|CHAT203:StreamOptions|}(true);"""),
             Sources.InClass("D", """_ = Chat.With("a").Stream().StreamOptions(true);""")),
            (Sources.InClass("E", """_ = Chat.With("a").{|CHAT203:StreamOptions|}();"""),
             Sources.InClass("E", """_ = Chat.With("a").Stream().StreamOptions();""")));
}
