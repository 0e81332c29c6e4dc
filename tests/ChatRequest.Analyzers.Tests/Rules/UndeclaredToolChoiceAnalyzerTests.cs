using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.UndeclaredToolChoiceAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class UndeclaredToolChoiceAnalyzerTests
{
    [Test]
    public Task Forcing_an_undeclared_function_is_reported_on_the_name() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").Tool("get_weather").ForceFunction({|#0:"get_wether"|});
                _ = Chat.With("gpt-4o").User("Hi").Function("lookup").FunctionCall({|#1:"look_up"|});
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("tool_choice", "\"get_wether\"", "tools"),
            Verify.Diagnostic().WithLocation(1).WithArguments("function_call", "\"look_up\"", "functions"));

    [Test]
    public Task A_tool_choice_object_built_by_the_factory_is_read() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").Tool("a").ToolChoice(ToolChoice.ForFunction([|"b"|]));
            _ = Chat.With("gpt-4o").User("Hi").Tool("a").ToolChoice(ToolChoice.ForFunction("a"));
            """));

    [Test]
    public Task Declared_names_unknown_declarations_and_variable_starts_are_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").ForceFunction("get_weather").Tool("get_weather");
            _ = Chat.With("gpt-4o").User("Hi").CustomTool("shell").ForceFunction("shell");
            _ = Chat.With("gpt-4o").User("Hi").Tool(text).ForceFunction("get_weather");
            _ = Chat.With("gpt-4o").User("Hi").ForceFunction(text);
            _ = Chat.With("gpt-4o").User("Hi").Function("f").FunctionCall(FunctionCallMode.Auto);
            _ = builder.ForceFunction("anything");
            _ = Chat.With("gpt-4o").User("Hi").ForceFunction("gone").ToolChoice(ToolChoiceMode.Auto);
            """));

    [Test]
    public Task Forcing_a_function_in_a_chain_without_tools_is_reported() =>
        Verify.VerifyAsync(Code.InMethod("""_ = Chat.With("gpt-4o").User("Hi").ForceFunction([|"f"|]).Build();"""));
}
