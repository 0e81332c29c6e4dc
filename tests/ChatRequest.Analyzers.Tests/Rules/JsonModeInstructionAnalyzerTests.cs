using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.JsonModeInstructionAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class JsonModeInstructionAnalyzerTests
{
    [Test]
    public Task Json_mode_without_a_json_instruction_is_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").System("Be terse.").User("List three colors.").[|JsonObjectFormat|]().Build();
            _ = Chat.With("gpt-4o").[|JsonObjectFormat|]().User("Hi").AssistantToolCalls().Validate();
            """));

    [Test]
    public Task A_message_that_mentions_json_in_any_case_is_enough() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").System("Answer in Json.").User("List three colors.").JsonObjectFormat().Build();
            _ = Chat.With("gpt-4o").User("Give me JSON").JsonObjectFormat().Build();
            _ = Chat.With("gpt-4o").User("hi").ToolResult("call_1", "{\"json\": true}").JsonObjectFormat().Build();
            """));

    [Test]
    public Task Unknown_messages_partial_chains_and_other_formats_are_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User(text).JsonObjectFormat().Build();
            _ = Chat.With("gpt-4o").User(ContentPart.FromText("x")).JsonObjectFormat().Build();
            _ = Chat.With("gpt-4o").User("Hi").JsonObjectFormat();
            _ = Chat.With("gpt-4o").User("Hi").JsonObjectFormat().TextFormat().Build();
            _ = builder.User("Hi").JsonObjectFormat().Build();
            """));
}
