using System.Globalization;
using System.Text;

namespace ChatRequest.Analyzers.Tests.Robustness;

/// <summary>
/// Builder-heavy C# for the concurrency test, in the spirit of benchmarks/ChatRequest.AnalyzerCost (chains of many
/// kinds mixed with ordinary code), written for checking rather than timing. Two kinds of file:
/// <list type="bullet">
/// <item><c>Requests{n}.cs</c>: a class of <see cref="MethodsPerFile"/> methods, each one chain shape. Methods named
/// <c>Good…</c> build valid requests (constants, runtime values, locals, lambdas, <c>using static</c>, async); methods
/// named <c>Bad…</c> break one rule each. So a lost or an invented diagnostic shows up as a method.</item>
/// <item><c>LookAlike{n}.cs</c>: code that never touches the builder but looks like it: its own <c>Chat.With</c> and
/// fluent builder with the same method names and out-of-range constants, StringBuilder chains, extension methods
/// called <c>Temperature</c> and <c>TopP</c>. The analyzer must report nothing there.</item>
/// </list>
/// Deterministic: the same count gives the same files.
/// </summary>
internal static class SyntheticCode
{
    public const int MethodsPerFile = 20;

    public const string RequestsPrefix = "Requests";

    public const string LookAlikePrefix = "LookAlike";

    /// <summary>Number of good and bad shapes (methods rotate through them).</summary>
    private const int Shapes = 20;

    /// <summary><paramref name="files"/> files: three of builder code for each look-alike one.</summary>
    public static IEnumerable<(string Name, string Text)> Files(int files)
    {
        for (var f = 0; f < files; f++)
        {
            var n = f.ToString("D4", CultureInfo.InvariantCulture);
            yield return f % 4 == 3
                ? (LookAlikePrefix + n + ".cs", LookAlike(n))
                : (RequestsPrefix + n + ".cs", Requests(f, n));
        }
    }

    private static string Requests(int f, string n)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using ChatRequest;
            using static ChatRequest.Chat;

            namespace Synthetic.Requests{{n}};

            public sealed class Requests{{n}}
            {
                private const double Warm = 0.7;
                private const int Budget = 256;
                private const string Model = "gpt-4o";
                private readonly string _model;
                private readonly double _temperature;

                public Requests{{n}}(string model, double temperature)
                {
                    _model = model;
                    _temperature = temperature;
                }

            """);
        for (var m = 0; m < MethodsPerFile; m++)
        {
            text.Append(Method((f * MethodsPerFile) + m, m));
        }

        text.Append("}\n");
        return text.ToString();
    }

    private static string Method(int shape, int m) => (shape % Shapes) switch
    {
        0 => $$"""
                public CreateChatCompletionRequest Good{{m}}(string question) =>
                    Chat.With(Model).System("Be terse.").User(question).Temperature(Warm).MaxCompletionTokens(Budget).Build();

            """,
        1 => $$"""
                public CreateChatCompletionRequest Bad{{m}}(string question) =>
                    Chat.With(Model).User(question).Temperature(2.5).Build();

            """,
        2 => $$"""
                public CreateChatCompletionRequest Good{{m}}(string question, int choices) =>
                    Chat.With(_model).User(question).Temperature(_temperature).N(choices).TopLogprobs(choices).Logprobs().Build();

            """,
        3 => $$"""
                public CreateChatCompletionRequest Bad{{m}}(string question) =>
                    Chat.With(Model).User(question).Stop("a", "b", "c", "d", "e").Build();

            """,
        4 => $$"""
                public CreateChatCompletionRequest Good{{m}}(string question)
                {
                    var builder = Chat.With(_model);
                    builder = builder.System("Answer in one word.");
                    return builder.User(question).N(1).Build();
                }

            """,
        5 => $$"""
                public CreateChatCompletionRequest Bad{{m}}(string question) =>
                    With("   ").User(question).Build();

            """,
        6 => $$"""
                public List<CreateChatCompletionRequest> Good{{m}}(IEnumerable<string> questions) =>
                    questions.Select(q => With("gpt-4o-mini").User(q).TopP(0.9).Build()).ToList();

            """,
        7 => $$"""
                public CreateChatCompletionRequest Bad{{m}}(string question) =>
                    Chat.With(Model).User(question).Tool("get weather", "Weather for a city").Build();

            """,
        8 => $$"""
                public async Task<CreateChatCompletionRequest?> Good{{m}}(string question, bool send)
                {
                    await Task.Yield();
                    return send ? Chat.With(Model).User(question).Stream().StreamOptions(includeUsage: true).Build() : null;
                }

            """,
        9 => $$"""
                public CreateChatCompletionRequest Bad{{m}}(string question) =>
                    Chat.With(Model).User(question).Temperature(Warm).TopP(0.5).Build();

            """,
        10 => $$"""
                public CreateChatCompletionRequest Good{{m}}(string question) =>
                    Chat.With("gpt-4.1").User(question).Tool("get_weather", "Weather").Tool("get_time").ForceFunction("get_weather").ParallelToolCalls(false).Build();

            """,
        11 => $$"""
                public CreateChatCompletionRequest Bad{{m}}(string question) =>
                    Chat.With(Model).User(question).TopLogprobs(3).Build();

            """,
        12 => $$"""
                public CreateChatCompletionRequest Good{{m}}(string question) =>
                    Chat.With(model: Model).User(content: question).Temperature(temperature: Warm * 2).PresencePenalty(-Warm).MaxCompletionTokens(Budget * 2).Build();

            """,
        13 => $$"""
                public CreateChatCompletionRequest Bad{{m}}(string question) =>
                    Chat.With("o3-mini").User(question).Temperature(0.2).Build();

            """,
        14 => $$"""
                public Func<string, CreateChatCompletionRequest> Good{{m}}() =>
                    question => Chat.With(Model).Developer("Reply in JSON.").User(question).JsonObjectFormat().Build();

            """,
        15 => $$"""
                public CreateChatCompletionRequest Bad{{m}}(string question) =>
                    Chat.With(Model).User(question).MaxTokens(Budget).Build();

            """,
        16 => $$"""
                public CreateChatCompletionRequest Good{{m}}(string question, int kind) => kind switch
                {
                    0 => Chat.With(Model).User(question).Build(),
                    1 => Chat.With(Model).User(question).Temperature(1.5).Build(),
                    _ => Chat.With(Model).User(question).FrequencyPenalty(-2).Build(),
                };

            """,
        17 => $$"""
                public CreateChatCompletionRequest Bad{{m}}(string question) =>
                    Chat.With(Model).User(question).Tool("get_weather").ForceFunction("get_wether").Build();

            """,
        18 => $$"""
                public CreateChatCompletionRequest Good{{m}}(string question) =>
                    Chat.With(Model).User(question).Metadata("feature", "{{m}}").SafetyIdentifier("user-{{m}}").Build();

            """,
        _ => $$"""
                public CreateChatCompletionRequest Bad{{m}}() =>
                    Chat.With(Model).Temperature(Warm).Build();

            """,
    };

    private static string LookAlike(string n) => $$"""
        using System;
        using System.Text;

        namespace Synthetic.LookAlike{{n}}
        {
            public static class Chat
            {
                public static FluentRequest With(string model) => new FluentRequest(model);
            }

            public sealed class FluentRequest
            {
                private readonly StringBuilder _text;

                public FluentRequest(string model) => _text = new StringBuilder(model);

                public FluentRequest User(string content) { _text.Append(content); return this; }
                public FluentRequest Temperature(double value) { _text.Append(value); return this; }
                public FluentRequest TopP(double value) { _text.Append(value); return this; }
                public FluentRequest Stop(params string[] sequences) { _text.Append(sequences.Length); return this; }
                public FluentRequest MaxTokens(int value) { _text.Append(value); return this; }
                public FluentRequest N(int value) { _text.Append(value); return this; }
                public string Build() => _text.ToString();
            }

            public static class Sampling
            {
                public static string Temperature(this string text, double value) => text + value;
                public static string TopP(this string text, double value) => text + value;
            }

            public sealed class Service{{n}}
            {
                public string A() => Chat.With("").User("Hi").Temperature(9).TopP(7).Stop("a", "b", "c", "d", "e").MaxTokens(0).N(0).Build();

                public string B() => Chat.With("o3-mini").Temperature(0.2).MaxTokens(5).Build();

                public string C() => "prompt".Temperature(3).TopP(2);

                public string D(int count) => new StringBuilder("gpt-4o").Append(2.5).Append(count).Append(-1).ToString();

                public string E() => string.Concat(new[] { "a", "b", "c", "d", "e" }).Temperature(-1);
            }
        }

        """;
}
