using System.Buffers;
using System.Text.Json;
using ChatRequest;

namespace ChatRequest.Benchmarks;

/// <summary>The typical request of docs/performance.md, produced in several ways that must give the same body.</summary>
public static class TypicalRequest
{
    public const string WeatherParameters = """{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""";

    public static CreateChatCompletionRequest BuildWithChatRequest() => Chain().Build();

    /// <summary>The fluent chain of the typical request, before <c>Build()</c>.</summary>
    public static ChatRequestBuilder Chain() =>
        Chat.With("gpt-4o")
            .System("You are a terse assistant.")
            .User("What is the capital of France?")
            .Assistant("Paris.")
            .User("And of Germany? Answer in one word.")
            .Temperature(0.2)
            .MaxTokens(256)
            .Stop("\n", "END")
            .LogitBias(50256, -100)
            .LogitBias(1234, 5)
            .EndUser("user-1234")
            .N(1)
            .FrequencyPenalty(0.5)
            .PresencePenalty(-0.5)
            .Tool("get_weather", "Get the weather for a city", WeatherParameters);

    private static readonly JsonEncodedText Model = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText Messages = JsonEncodedText.Encode("messages");
    private static readonly JsonEncodedText Role = JsonEncodedText.Encode("role");
    private static readonly JsonEncodedText Content = JsonEncodedText.Encode("content");
    private static readonly JsonEncodedText Temperature = JsonEncodedText.Encode("temperature");
    private static readonly JsonEncodedText MaxTokens = JsonEncodedText.Encode("max_tokens");
    private static readonly JsonEncodedText Stop = JsonEncodedText.Encode("stop");
    private static readonly JsonEncodedText LogitBias = JsonEncodedText.Encode("logit_bias");
    private static readonly JsonEncodedText User = JsonEncodedText.Encode("user");
    private static readonly JsonEncodedText N = JsonEncodedText.Encode("n");
    private static readonly JsonEncodedText FrequencyPenalty = JsonEncodedText.Encode("frequency_penalty");
    private static readonly JsonEncodedText PresencePenalty = JsonEncodedText.Encode("presence_penalty");
    private static readonly JsonEncodedText Tools = JsonEncodedText.Encode("tools");
    private static readonly JsonEncodedText Type = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText Function = JsonEncodedText.Encode("function");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText Description = JsonEncodedText.Encode("description");
    private static readonly JsonEncodedText Parameters = JsonEncodedText.Encode("parameters");
    private static readonly byte[] ParametersUtf8 = System.Text.Encoding.UTF8.GetBytes(WeatherParameters);

    /// <summary>The floor: a hand-written writer with pre-encoded names (what a code generator at its best would do).</summary>
    public static void WriteByHand(Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString(Model, "gpt-4o");
        w.WriteStartArray(Messages);
        Message(w, "system", "You are a terse assistant.");
        Message(w, "user", "What is the capital of France?");
        Message(w, "assistant", "Paris.");
        Message(w, "user", "And of Germany? Answer in one word.");
        w.WriteEndArray();
        WriteOptionsByHand(w);
        w.WriteEndObject();
    }

    /// <summary>Everything after <c>messages</c>: the options and the tool, as members of the open body object.</summary>
    public static void WriteOptionsByHand(Utf8JsonWriter w)
    {
        w.WriteNumber(Temperature, 0.2);
        w.WriteNumber(MaxTokens, 256);
        w.WriteStartArray(Stop);
        w.WriteStringValue("\n");
        w.WriteStringValue("END");
        w.WriteEndArray();
        w.WriteStartObject(LogitBias);
        w.WriteNumber("50256", -100);
        w.WriteNumber("1234", 5);
        w.WriteEndObject();
        w.WriteString(User, "user-1234");
        w.WriteNumber(N, 1);
        w.WriteNumber(FrequencyPenalty, 0.5);
        w.WriteNumber(PresencePenalty, -0.5);
        w.WriteStartArray(Tools);
        w.WriteStartObject();
        w.WriteString(Type, "function");
        w.WriteStartObject(Function);
        w.WriteString(Name, "get_weather");
        w.WriteString(Description, "Get the weather for a city");
        w.WritePropertyName(Parameters);
        w.WriteRawValue(ParametersUtf8, skipInputValidation: true);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    private static void Message(Utf8JsonWriter w, string role, string content)
    {
        w.WriteStartObject();
        w.WriteString(Role, role);
        w.WriteString(Content, content);
        w.WriteEndObject();
    }

    public static byte[] ByHandBytes()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteByHand(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
