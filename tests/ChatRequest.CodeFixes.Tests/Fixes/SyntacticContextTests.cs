using ChatRequest.Analyzers.Tests.Verifiers;
using ChatRequest.CodeFixes.Fixes;
using RemoveCall = ChatRequest.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    ChatRequest.Analyzers.Rules.SamplingConflictAnalyzer,
    ChatRequest.CodeFixes.Fixes.SamplingConflictCodeFixProvider>;
using RemoveStop = ChatRequest.CodeFixes.Tests.Verifiers.CodeFixVerifier<
    ChatRequest.Analyzers.Rules.StopSequencesAnalyzer,
    ChatRequest.CodeFixes.Fixes.StopSequencesCodeFixProvider>;

namespace ChatRequest.CodeFixes.Tests.Fixes;

/// <summary>The chain edits where chains live: lambdas, initializers, expression bodies, async code, top-level statements.</summary>
public class SyntacticContextTests
{
    [Test]
    public Task Lambdas_field_initializers_expression_bodies_and_async_methods() =>
        RemoveCall.VerifyAsync(
            """
            using System;
            using System.Threading.Tasks;
            using ChatRequest;

            class C
            {
                static readonly ChatRequestBuilder Base = Chat.With("gpt-4o").Temperature(0.2).{|CHAT201:TopP|}(0.9);

                readonly Func<ChatRequestBuilder, ChatRequestBuilder> configure = b => b.Temperature(1).{|CHAT201:TopP|}(1);

                ChatRequestBuilder Tuned(ChatRequestBuilder b) => b
                    .Temperature(1)
                    .{|CHAT201:TopP|}(1);

                async Task<CreateChatCompletionRequest> BuildAsync(ChatRequestBuilder? b)
                {
                    await Task.Yield();
                    _ = b?.Temperature(1).{|CHAT201:TopP|}(1);
                    return Base.User("Hi").Temperature(1).{|CHAT201:TopP|}(0.5).Build();
                }
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using ChatRequest;

            class C
            {
                static readonly ChatRequestBuilder Base = Chat.With("gpt-4o").Temperature(0.2);

                readonly Func<ChatRequestBuilder, ChatRequestBuilder> configure = b => b.Temperature(1);

                ChatRequestBuilder Tuned(ChatRequestBuilder b) => b
                    .Temperature(1);

                async Task<CreateChatCompletionRequest> BuildAsync(ChatRequestBuilder? b)
                {
                    await Task.Yield();
                    _ = b?.Temperature(1);
                    return Base.User("Hi").Temperature(1).Build();
                }
            }
            """,
            SamplingConflictCodeFixProvider.RemoveTopPKey);

    [Test]
    public Task Top_level_statements_with_using_static() =>
        RemoveCall.VerifyProgramAsync(
            """
            using static ChatRequest.Chat;

            var request = With("gpt-4o")
                .User("Hi")
                .Temperature(0.2)
                .{|CHAT201:TopP|}(0.9)
                .Build();
            System.Console.WriteLine(request.Model);
            """,
            """
            using static ChatRequest.Chat;

            var request = With("gpt-4o")
                .User("Hi")
                .TopP(0.9)
                .Build();
            System.Console.WriteLine(request.Model);
            """,
            SamplingConflictCodeFixProvider.RemoveTemperatureKey);

    [Test]
    public Task A_removed_call_that_would_leave_a_bare_variable_as_a_statement_gets_no_fix() =>
        RemoveStop.VerifyNoFixAsync(Code.InMethod("""
            builder.{|CHAT102:Stop|}();
            Action a = () => builder.{|CHAT102:Stop|}();
            """));

    [Test]
    public Task A_removed_call_whose_receiver_is_a_call_is_fixed_in_a_statement() =>
        RemoveStop.VerifyAsync(
            Code.InMethod("""Chat.With("gpt-4o").User("Hi").{|CHAT102:Stop|}();"""),
            Code.InMethod("""Chat.With("gpt-4o").User("Hi");"""),
            StopSequencesCodeFixProvider.RemoveEmptyKey);
}
