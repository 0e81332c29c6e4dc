using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.ModelIdAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class ModelIdAnalyzerTests
{
    [Test]
    public Task An_empty_model_is_reported_with_its_value() =>
        Verify.VerifyAsync(
            Code.InMethod("""_ = Chat.With({|#0:""|}).User("Hi").Build();"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("\"\""));

    [Test]
    public Task Whitespace_null_and_constant_empty_models_are_reported() =>
        Verify.VerifyAsync("""
            using ChatRequest;
            using static ChatRequest.Chat;

            class C
            {
                private const string Blank = "";

                void M()
                {
                    _ = Chat.With([|"   "|]);
                    _ = Chat.With([|"\t\n"|]);
                    _ = Chat.With([|Blank|]);
                    _ = Chat.With(model: [|null!|]);
                    _ = With([|"" + " "|]).User("Hi");
                }
            }
            """);

    [Test]
    public Task Real_and_non_constant_models_are_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi");
            _ = Chat.With(" gpt-4o ");
            _ = Chat.With(text);
            _ = Chat.With(string.Empty);
            """));

    [Test]
    public Task A_look_alike_with_method_is_not_reported() =>
        Verify.VerifyAsync("""
            static class Chat
            {
                public static object With(string model) => model;

                static void M() => Chat.With("");
            }
            """);
}
