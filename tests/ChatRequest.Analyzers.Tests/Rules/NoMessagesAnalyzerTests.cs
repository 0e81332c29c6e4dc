using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.NoMessagesAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class NoMessagesAnalyzerTests
{
    [Test]
    public Task Build_without_messages_is_reported_on_build() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").[|Build|]();
            _ = Chat.With("gpt-4o").Temperature(1).Tool("f").[|Build|]();
            """));

    [Test]
    public Task Any_message_a_variable_start_or_validate_is_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").Build();
            _ = Chat.With("gpt-4o").Developer("Be terse").Build();
            _ = Chat.With("gpt-4o").ToolResult("call", "42").Build();
            _ = Chat.With("gpt-4o").Message(new UserMessage { Content = "Hi" }).Build();
            _ = builder.Build();
            _ = Chat.With("gpt-4o").Validate();
            var start = Chat.With("gpt-4o");
            _ = start.Build();
            """));

    [Test]
    public Task A_look_alike_build_is_not_reported() =>
        Verify.VerifyAsync("""
            class Chat
            {
                public static Chat With(string model) => new();
                public object Build() => this;

                void M() => With("m").Build();
            }
            """);
}
