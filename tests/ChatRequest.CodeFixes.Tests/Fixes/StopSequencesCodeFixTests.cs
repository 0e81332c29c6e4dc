using ChatRequest.Analyzers.Tests.Verifiers;
using ChatRequest.CodeFixes.Fixes;
using ChatRequest.CodeFixes.Tests.Verifiers;
using Verify = ChatRequest.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    ChatRequest.Analyzers.Rules.StopSequencesAnalyzer,
    ChatRequest.CodeFixes.Fixes.StopSequencesCodeFixProvider>;

namespace ChatRequest.CodeFixes.Tests.Fixes;

public class StopSequencesCodeFixTests
{
    private const string KeepFirst = StopSequencesCodeFixProvider.KeepFirstKey;
    private const string RemoveEmpty = StopSequencesCodeFixProvider.RemoveEmptyKey;

    [Test]
    public Task The_first_four_sequences_of_a_params_list_or_an_array_are_kept() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = builder.Stop("a", "b", "c", "d", {|CHAT102:"e", "f"|});
                _ = builder.Stop(new[] { "a", "b", "c", "d", {|CHAT102:"e"|} });
                _ = builder.Stop(new string[] { "a", "b", "c", "d", {|CHAT102:"e", "f"|}, });
                """),
            Code.InMethod("""
                _ = builder.Stop("a", "b", "c", "d");
                _ = builder.Stop(new[] { "a", "b", "c", "d" });
                _ = builder.Stop(new string[] { "a", "b", "c", "d", });
                """),
            KeepFirst);

    [Test]
    public Task Multi_line_lists_keep_their_layout_and_the_comments_of_kept_sequences() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("gpt-4o")
                    .User("Hi")
                    .Stop(
                        "a", // first
                        "b",
                        "c",
                        "d",
                        {|CHAT102:"e", // fifth
                        "f"|})
                    .Build();
                _ = builder.Stop(new[]
                {
                    "a",
                    "b",
                    "c",
                    "d",
                    {|CHAT102:"e"|}
                });
                """),
            Code.InMethod("""
                _ = Chat.With("gpt-4o")
                    .User("Hi")
                    .Stop(
                        "a", // first
                        "b",
                        "c",
                        "d")
                    .Build();
                _ = builder.Stop(new[]
                {
                    "a",
                    "b",
                    "c",
                    "d"
                });
                """),
            KeepFirst);

    [Test]
    public Task An_empty_Stop_call_is_removed() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").{|CHAT102:Stop|}().Build();
                _ = Chat.With("gpt-4o")
                    .User("Hi")
                    // no stop sequences yet
                    .{|CHAT102:Stop|}(new string[] { }) // TODO
                    .Build();
                """),
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").Build();
                _ = Chat.With("gpt-4o")
                    .User("Hi")
                    // no stop sequences yet
                    .Build();
                """),
            RemoveEmpty);

    [Test]
    public Task Fix_all_trims_every_list_in_documents_projects_and_the_solution() =>
        Verify.VerifyFixAllAsync(
            KeepFirst,
            (Code.InMethod("""
                _ = builder.Stop("1", "2", "3", "4", {|CHAT102:"5"|});
                _ = builder.Stop("1", "2", "3", "4", {|CHAT102:"5", "6", "7"|});
                """),
             Code.InMethod("""
                _ = builder.Stop("1", "2", "3", "4");
                _ = builder.Stop("1", "2", "3", "4");
                """)),
            (Sources.InClass("D", """_ = builder.Stop(new[] { "1", "2", "3", "4", {|CHAT102:"5"|} });"""),
             Sources.InClass("D", """_ = builder.Stop(new[] { "1", "2", "3", "4" });""")),
            (Sources.InClass("E", """_ = builder.Stop("1", "2", "3", "4", {|CHAT102:"5"|});"""),
             Sources.InClass("E", """_ = builder.Stop("1", "2", "3", "4");""")));

    [Test]
    public Task Fix_all_removes_every_empty_Stop_call() =>
        Verify.VerifyFixAllAsync(
            RemoveEmpty,
            (Code.InMethod("""_ = builder.{|CHAT102:Stop|}().{|CHAT102:Stop|}();"""),
             Code.InMethod("""_ = builder;""")),
            (Sources.InClass("D", """_ = builder.{|CHAT102:Stop|}().N(1);"""),
             Sources.InClass("D", """_ = builder.N(1);""")),
            (Sources.InClass("E", """_ = builder.{|CHAT102:Stop|}();"""),
             Sources.InClass("E", """_ = builder;""")));
}
