using ChatRequest.Analyzers.Rules;
using ChatRequest.Analyzers.Tests.Verifiers;
using Verify = ChatRequest.Analyzers.Tests.Verifiers.AnalyzerVerifier<ChatRequest.Analyzers.Rules.NumericRangeAnalyzer>;

namespace ChatRequest.Analyzers.Tests.Rules;

public class NumericRangeAnalyzerTests
{
    [Test]
    public Task Temperature_above_two_is_reported_with_field_value_and_range() =>
        Verify.VerifyAsync(
            Code.InMethod("""_ = Chat.With("gpt-4o").User("Hi").Temperature({|#0:2.5|});"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("temperature", "from 0 to 2", "2.5"));

    [TestCase("Temperature(2)")]
    [TestCase("Temperature(0)")]
    [TestCase("Temperature(2.0)")]
    [TestCase("Temperature(-0.0)")]
    [TestCase("Temperature(1.5f)")]
    [TestCase("TopP(1)")]
    [TestCase("TopP(0)")]
    [TestCase("FrequencyPenalty(-2)")]
    [TestCase("FrequencyPenalty(2)")]
    [TestCase("PresencePenalty(-2)")]
    [TestCase("PresencePenalty(2)")]
    [TestCase("LogitBias(0, -100)")]
    [TestCase("LogitBias(2147483647, 100)")]
    [TestCase("N(1)")]
    [TestCase("N(128)")]
    [TestCase("MaxTokens(1)")]
    [TestCase("MaxTokens(int.MaxValue)")]
    [TestCase("MaxCompletionTokens(1)")]
    [TestCase("TopLogprobs(0)")]
    [TestCase("TopLogprobs(20)")]
    public Task Boundary_values_are_not_reported(string call) =>
        Verify.VerifyAsync(Code.InMethod($"""_ = Chat.With("gpt-4o").User("Hi").{call};"""));

    [TestCase("Temperature", "2.0000000000000004", "temperature", "from 0 to 2")]
    [TestCase("Temperature", "-4.9E-324", "temperature", "from 0 to 2")]
    [TestCase("TopP", "1.5", "top_p", "from 0 to 1")]
    [TestCase("TopP", "-0.1", "top_p", "from 0 to 1")]
    [TestCase("FrequencyPenalty", "-2.5", "frequency_penalty", "from -2 to 2")]
    [TestCase("PresencePenalty", "3", "presence_penalty", "from -2 to 2")]
    [TestCase("N", "0", "n", "from 1 to 128")]
    [TestCase("N", "129", "n", "from 1 to 128")]
    [TestCase("MaxTokens", "0", "max_tokens", "at least 1")]
    [TestCase("MaxCompletionTokens", "-5", "max_completion_tokens", "at least 1")]
    [TestCase("TopLogprobs", "21", "top_logprobs", "from 0 to 20")]
    [TestCase("TopLogprobs", "-1", "top_logprobs", "from 0 to 20")]
    public Task Values_outside_the_range_are_reported(string method, string value, string field, string range) =>
        Verify.VerifyAsync(
            Code.InMethod($$"""_ = Chat.With("gpt-4o").User("Hi").{{method}}({|#0:{{value}}|});"""),
            Verify.Diagnostic().WithLocation(0).WithArguments(field, range, value.StartsWith("-4.9E", StringComparison.Ordinal) ? "-5E-324" : value));

    [Test]
    public Task Logit_bias_checks_token_id_and_bias_separately() =>
        Verify.VerifyAsync(
            Code.InMethod("""_ = Chat.With("gpt-4o").User("Hi").LogitBias({|#0:-1|}, {|#1:150|});"""),
            Verify.Diagnostic().WithLocation(0).WithArguments("logit_bias token id", "at least 0", "-1"),
            Verify.Diagnostic().WithLocation(1).WithArguments("logit_bias", "from -100 to 100", "150"));

    [Test]
    public Task NaN_and_infinities_are_outside_every_range() =>
        Verify.VerifyAsync(
            Code.InMethod("""
                _ = Chat.With("gpt-4o").User("Hi").Temperature({|#0:double.NaN|});
                _ = Chat.With("gpt-4o").User("Hi").TopP({|#1:double.PositiveInfinity|});
                _ = Chat.With("gpt-4o").User("Hi").PresencePenalty({|#2:double.NegativeInfinity|});
                _ = Chat.With("gpt-4o").User("Hi").Temperature({|#3:0.0 / 0.0|});
                """),
            Verify.Diagnostic().WithLocation(0).WithArguments("temperature", "from 0 to 2", "NaN"),
            Verify.Diagnostic().WithLocation(1).WithArguments("top_p", "from 0 to 1", "Infinity"),
            Verify.Diagnostic().WithLocation(2).WithArguments("presence_penalty", "from -2 to 2", "-Infinity"),
            Verify.Diagnostic().WithLocation(3).WithArguments("temperature", "from 0 to 2", "NaN"));

    [Test]
    public Task Constants_of_every_form_are_read() =>
        Verify.VerifyAsync(
            """
            using ChatRequest;

            class C
            {
                private const double Hot = 2.5;
                private const int Many = 200;
                private const float Warm = 2.1f;

                void M()
                {
                    const double local = -1;
                    _ = Chat.With("gpt-4o").User("Hi").Temperature([|Hot|]);
                    _ = Chat.With("gpt-4o").User("Hi").N([|Many|]);
                    _ = Chat.With("gpt-4o").User("Hi").Temperature([|local|]);
                    _ = Chat.With("gpt-4o").User("Hi").Temperature([|1.5 + 1|]);
                    _ = Chat.With("gpt-4o").User("Hi").Temperature([|-Hot|]);
                    _ = Chat.With("gpt-4o").User("Hi").Temperature([|(double)3m|]);
                    _ = Chat.With("gpt-4o").User("Hi").Temperature([|(byte)3|]);
                    _ = Chat.With("gpt-4o").User("Hi").Temperature(temperature: [|300|]);
                    _ = Chat.With("gpt-4o").User("Hi").LogitBias(bias: [|-101|], tokenId: 5);
                    _ = Chat.With("gpt-4o").User("Hi").N([|unchecked((int)4294967296L)|]);
                    _ = Chat.With("gpt-4o").User("Hi").Temperature([|Warm|]);
                }
            }
            """);

    [Test]
    public Task A_float_constant_is_checked_as_the_double_the_method_receives() =>
        Verify.VerifyAsync(
            """
            using ChatRequest;

            class C
            {
                private const float Warm = 2.1f;

                void M()
                {
                    _ = Chat.With("gpt-4o").User("Hi").Temperature({|#0:Warm|});
                    _ = Chat.With("gpt-4o").User("Hi").Temperature(2f);
                }
            }
            """,
            Verify.Diagnostic().WithLocation(0).WithArguments("temperature", "from 0 to 2", "2.0999999046325684"));

    [Test]
    public Task Non_constant_values_are_not_reported() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = Chat.With("gpt-4o").User("Hi").Temperature(runtime);
            _ = Chat.With("gpt-4o").User("Hi").Temperature(runtime * 300);
            _ = Chat.With("gpt-4o").User("Hi").N(count);
            _ = Chat.With("gpt-4o").User("Hi").Temperature(Math.Max(3, 4));
            var hot = 3.0;
            _ = Chat.With("gpt-4o").User("Hi").Temperature(hot);
            """));

    [Test]
    public Task A_look_alike_method_on_another_type_is_not_reported() =>
        Verify.VerifyAsync("""
            namespace Other
            {
                public sealed class ChatRequestBuilder
                {
                    public ChatRequestBuilder Temperature(double value) => this;
                    public ChatRequestBuilder N(int n) => this;
                }

                public static class Chat
                {
                    public static ChatRequestBuilder With(string model) => new();
                }

                class C
                {
                    void M()
                    {
                        _ = Chat.With("").Temperature(300).N(0);
                        _ = new ChatRequestBuilder().Temperature(300);
                    }
                }
            }
            """);

    [Test]
    public Task Calls_on_a_builder_variable_are_checked() =>
        Verify.VerifyAsync(Code.InMethod("""
            _ = builder.Temperature([|3|]);
            var b = Chat.With("gpt-4o");
            b = b.TopP([|2|]);
            """));
}
