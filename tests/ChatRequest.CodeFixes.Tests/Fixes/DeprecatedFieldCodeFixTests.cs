using ChatRequest.Analyzers.Tests.Verifiers;
using ChatRequest.CodeFixes.Fixes;
using ChatRequest.CodeFixes.Tests.Verifiers;
using Verify = ChatRequest.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    ChatRequest.Analyzers.Rules.DeprecatedFieldAnalyzer,
    ChatRequest.CodeFixes.Fixes.DeprecatedFieldCodeFixProvider>;

namespace ChatRequest.CodeFixes.Tests.Fixes;

public class DeprecatedFieldCodeFixTests
{
    [Test]
    public Task MaxTokens_becomes_MaxCompletionTokens_or_goes_when_that_is_set() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").{|CHAT401:MaxTokens|}(100);
                _ = builder.{|CHAT401:MaxTokens|}(maxTokens: 100);
                _ = builder.{|CHAT401:MaxTokens|}(100).MaxCompletionTokens(200);
                """),
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").MaxCompletionTokens(100);
                _ = builder.MaxCompletionTokens(maxCompletionTokens: 100);
                _ = builder.MaxCompletionTokens(200);
                """),
            DeprecatedFieldCodeFixProvider.UseMaxCompletionTokensKey);

    [Test]
    public Task EndUser_becomes_SafetyIdentifier() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = builder.{|CHAT401:EndUser|}("user-1234");
                _ = builder.{|CHAT401:EndUser|}(user: text);
                """),
            Code.InMethod("""
                _ = builder.SafetyIdentifier("user-1234");
                _ = builder.SafetyIdentifier(safetyIdentifier: text);
                """),
            DeprecatedFieldCodeFixProvider.UseSafetyIdentifierKey);

    [Test]
    public Task Function_becomes_Tool() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = builder.{|CHAT401:Function|}("get_weather", "Weather", "{}");
                _ = builder.{|CHAT401:Function|}(name: "get_time", parametersJson: "{}");
                _ = builder.{|CHAT401:Function|}("f", "d", null);
                """),
            Code.InMethod("""
                _ = builder.Tool("get_weather", "Weather", "{}");
                _ = builder.Tool(name: "get_time", parametersJson: "{}");
                _ = builder.Tool("f", "d", null);
                """),
            DeprecatedFieldCodeFixProvider.UseToolKey);

    [Test]
    public Task FunctionCall_with_a_name_becomes_ForceFunction() =>
        Verify.VerifyAsync(
            Code.InMethod("""_ = builder.{|CHAT401:FunctionCall|}("get_weather");"""),
            Code.InMethod("""_ = builder.ForceFunction("get_weather");"""),
            DeprecatedFieldCodeFixProvider.UseForceFunctionKey);

    [Test]
    public Task FunctionCall_with_a_mode_becomes_ToolChoice_with_the_same_mode() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = builder.{|CHAT401:FunctionCall|}(FunctionCallMode.Auto);
                _ = builder.{|CHAT401:FunctionCall|}(mode: ChatRequest.FunctionCallMode.None);
                """),
            Code.InMethod("""
                _ = builder.ToolChoice(ToolChoiceMode.Auto);
                _ = builder.ToolChoice(mode: ToolChoiceMode.None);
                """),
            DeprecatedFieldCodeFixProvider.UseToolChoiceKey);

    [Test]
    public Task Multi_line_chains_with_comments() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                var request = Chat.With("gpt-4o")
                    .User("What is the weather?")
                    // the old way
                    .{|CHAT401:Function|}("get_weather", "Weather") // declared here
                    .{|CHAT401:Function|}(
                        "get_time",
                        "Time")
                    .Build();
                """),
            Code.InMethod("""
                var request = Chat.With("gpt-4o")
                    .User("What is the weather?")
                    // the old way
                    .Tool("get_weather", "Weather") // declared here
                    .Tool(
                        "get_time",
                        "Time")
                    .Build();
                """),
            DeprecatedFieldCodeFixProvider.UseToolKey);

    [Test]
    public Task Calls_without_a_mechanical_replacement_get_no_fix() =>
        Verify.VerifyNoFixAsync(Code.InMethod("""
            _ = builder.{|CHAT401:Seed|}(42);
            _ = builder.{|CHAT401:PromptCacheRetention|}(PromptCacheRetention.InMemory);
            _ = builder.{|CHAT401:FunctionResult|}("f", "42");
            _ = builder.{|CHAT401:EndUser|}("0123456789012345678901234567890123456789012345678901234567890123456789");
            _ = builder.{|CHAT401:FunctionCall|}(flag ? FunctionCallMode.Auto : FunctionCallMode.None);
            """));

    [Test]
    public Task Fix_all_migrates_functions_in_documents_projects_and_the_solution() =>
        Verify.VerifyFixAllAsync(
            DeprecatedFieldCodeFixProvider.UseToolKey,
            (Code.InMethod("""_ = builder.{|CHAT401:Function|}("a").{|CHAT401:Function|}("b").{|CHAT401:MaxTokens|}(5);"""),
             Code.InMethod("""_ = builder.Tool("a").Tool("b").{|CHAT401:MaxTokens|}(5);""")),
            (Sources.InClass("D", """_ = builder.{|CHAT401:Function|}("a", "A");"""),
             Sources.InClass("D", """_ = builder.Tool("a", "A");""")),
            (Sources.InClass("E", """_ = builder.{|CHAT401:Function|}("a");"""),
             Sources.InClass("E", """_ = builder.Tool("a");""")));

    [Test]
    public Task Fix_all_migrates_function_call_modes_in_documents_projects_and_the_solution() =>
        Verify.VerifyFixAllAsync(
            DeprecatedFieldCodeFixProvider.UseToolChoiceKey,
            (Code.InMethod("""_ = builder.{|CHAT401:FunctionCall|}(FunctionCallMode.None);"""),
             Code.InMethod("""_ = builder.ToolChoice(ToolChoiceMode.None);""")),
            (Sources.InClass("D", """_ = builder.{|CHAT401:FunctionCall|}(FunctionCallMode.Auto).User("Hi");"""),
             Sources.InClass("D", """_ = builder.ToolChoice(ToolChoiceMode.Auto).User("Hi");""")),
            (Sources.InClass("E", """_ = builder.{|CHAT401:FunctionCall|}(FunctionCallMode.Auto);"""),
             Sources.InClass("E", """_ = builder.ToolChoice(ToolChoiceMode.Auto);""")));
}
