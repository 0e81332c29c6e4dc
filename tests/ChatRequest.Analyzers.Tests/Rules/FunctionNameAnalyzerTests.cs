using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.FunctionNameAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class FunctionNameAnalyzerTests
{
    private static readonly string Name64 = new('a', 64);
    private static readonly string Name65 = new('a', 65);

    [Test]
    public Task An_invalid_tool_name_is_reported_with_the_pattern() =>
        Verify.VerifyAsync(
            Code.InMethod("""_ = Chat.With("gpt-4o").User("Hi").Tool({|#0:"get weather"|});"""),
            Verify.Diagnostic().WithLocation(0).WithArguments(
                "tools[].function.name must match ^[a-zA-Z0-9_-]{1,64}$ (letters, digits, '_' and '-', 1 to 64 characters), but is \"get weather\""));

    [Test]
    public Task Invalid_function_and_json_schema_names_are_reported() =>
        Verify.VerifyAsync(Code.InMethod($$"""
            _ = Chat.With("gpt-4o").User("Hi").Function([|"a.b"|]);
            _ = Chat.With("gpt-4o").User("Hi").JsonSchemaFormat([|""|], "{}");
            _ = Chat.With("gpt-4o").User("Hi").Tool([|"{{Name65}}"|], "d", "{}", true);
            _ = Chat.With("gpt-4o").User("Hi").Tool(description: "d", name: [|"é"|]);
            """));

    [Test]
    public Task Valid_names_custom_tools_and_non_constants_are_not_reported() =>
        Verify.VerifyAsync(Code.InMethod($$"""
            _ = Chat.With("gpt-4o").User("Hi").Tool("get_weather-2").Tool("{{Name64}}");
            _ = Chat.With("gpt-4o").User("Hi").CustomTool("any name at all");
            _ = Chat.With("gpt-4o").User("Hi").Tool(text).Function(text).JsonSchemaFormat(text, "{}");
            """));

    [Test]
    public Task A_tool_name_declared_twice_in_one_chain_is_reported() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").Tool("search").CustomTool({|#0:"search"|});
                _ = builder.Tool("lookup").Tool([|"lookup"|]);
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("tool name \"search\" is declared more than once in this chain; tool names must be unique"));

    [Test]
    public Task The_same_name_in_two_chains_is_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            var first = Chat.With("gpt-4o").Tool("search");
            _ = first.Tool("lookup").User("Hi");
            _ = Chat.With("gpt-4o").Tool("search").Function("search").JsonSchemaFormat("search", "{}");
            """));

    [Test]
    public Task A_look_alike_tool_method_is_not_reported() =>
        Verify.VerifyAsync("""
            class Other
            {
                public Other Tool(string name) => this;

                void M() => Tool("not valid").Tool("not valid");
            }
            """);
}
