using ChatRequest.Analyzers.Tests.Verifiers;
using ChatRequest.CodeFixes.Fixes;
using ChatRequest.CodeFixes.Tests.Verifiers;
using Verify = ChatRequest.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    ChatRequest.Analyzers.Rules.SamplingConflictAnalyzer,
    ChatRequest.CodeFixes.Fixes.SamplingConflictCodeFixProvider>;

namespace ChatRequest.CodeFixes.Tests.Fixes;

public class SamplingConflictCodeFixTests
{
    private const string RemoveTopP = SamplingConflictCodeFixProvider.RemoveTopPKey;
    private const string RemoveTemperature = SamplingConflictCodeFixProvider.RemoveTemperatureKey;

    private const string OneLine = """_ = Chat.With("gpt-4o").User("Hi").Temperature(0.2).{|CHAT201:TopP|}(0.9).Build();""";

    private const string MultiLine = """
        var request = Chat.With("gpt-4o")
            .User("Hi")
            // sampling
            .Temperature(0.2) // low
            .{|CHAT201:TopP|}(0.9) // nucleus
            .Build();
        """;

    [Test]
    public Task Remove_TopP() =>
        Verify.VerifyAsync(
            Code.InMethod(OneLine),
            Code.InMethod("""_ = Chat.With("gpt-4o").User("Hi").Temperature(0.2).Build();"""),
            RemoveTopP);

    [Test]
    public Task Remove_Temperature() =>
        Verify.VerifyAsync(
            Code.InMethod(OneLine),
            Code.InMethod("""_ = Chat.With("gpt-4o").User("Hi").TopP(0.9).Build();"""),
            RemoveTemperature);

    [Test]
    public Task Remove_TopP_from_a_multi_line_chain_takes_its_line_and_keeps_the_rest() =>
        Verify.VerifyAsync(
            Code.InMethod(MultiLine),
            Code.InMethod("""
                var request = Chat.With("gpt-4o")
                    .User("Hi")
                    // sampling
                    .Temperature(0.2) // low
                    .Build();
                """),
            RemoveTopP);

    [Test]
    public Task Remove_Temperature_from_a_multi_line_chain_keeps_the_comment_line_above_it() =>
        Verify.VerifyAsync(
            Code.InMethod(MultiLine),
            Code.InMethod("""
                var request = Chat.With("gpt-4o")
                    .User("Hi")
                    // sampling
                    .TopP(0.9) // nucleus
                    .Build();
                """),
            RemoveTemperature);

    [Test]
    public Task Removing_the_last_call_of_a_chain_keeps_the_semicolon_on_the_previous_line() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                var a = builder
                    .Temperature(1)
                    .{|CHAT201:TopP|}(0.5);
                var b = builder
                    .Temperature(1) // warm
                    .{|CHAT201:TopP|}(0.5);
                var c = builder.Temperature(1)
                    .{|CHAT201:TopP|}(0.5).Build();
                """),
            Code.InMethod("""
                var a = builder
                    .Temperature(1);
                var b = builder
                    .Temperature(1) // warm
                    ;
                var c = builder.Temperature(1)
                    .Build();
                """),
            RemoveTopP);

    [Test]
    public Task A_call_on_the_line_of_its_receiver_leaves_the_line_break_and_comment() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                var request = Chat.With("gpt-4o").Temperature(0.2) // deterministic enough
                    .User("Hi")
                    .{|CHAT201:TopP|}(0.9)
                    .Build();
                """),
            Code.InMethod("""
                var request = Chat.With("gpt-4o") // deterministic enough
                    .User("Hi")
                    .TopP(0.9)
                    .Build();
                """),
            RemoveTemperature);

    [Test]
    public Task Fix_all_removes_Temperature_in_documents_projects_and_the_solution() =>
        Verify.VerifyFixAllAsync(
            RemoveTemperature,
            (Code.InMethod("""
                _ = builder.Temperature(1).{|CHAT201:TopP|}(0.5);
                _ = Chat.With("gpt-4o")
                    .Temperature(1)
                    .{|CHAT201:TopP|}(0.5)
                    .User("Hi");
                """),
             Code.InMethod("""
                _ = builder.TopP(0.5);
                _ = Chat.With("gpt-4o")
                    .TopP(0.5)
                    .User("Hi");
                """)),
            (Sources.InClass("D", """_ = builder.{|CHAT201:TopP|}(0.5).User("Hi").Temperature(runtime);"""),
             Sources.InClass("D", """_ = builder.TopP(0.5).User("Hi");""")),
            (Sources.InClass("E", """_ = builder.Temperature(1).{|CHAT201:TopP|}(0.5);"""),
             Sources.InClass("E", """_ = builder.TopP(0.5);""")));
}
