using System.Text.Json;
using System.Text.Json.Serialization;
using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;
using Betalgo.Ranul.OpenAI.ObjectModels.SharedModels;

namespace ChatRequest.Benchmarks.Peers;

using ChatMessage = Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatMessage;
using FunctionDefinition = Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.FunctionDefinition;

/// <summary>
/// Betalgo.Ranul.OpenAI 9.2.6: its request object built from scratch and serialized the way the library sends it
/// (<c>PostAsJsonAsync</c> of the request as <c>object</c> with a new
/// <c>JsonSerializerOptions { DefaultIgnoreCondition = WhenWritingDefault }</c> on every call; reflection-based
/// System.Text.Json, whose metadata cache is shared between equal options instances).
/// </summary>
public static class BetalgoVariant
{
    /// <summary>The same settings held once, for the variant that spares the peer the per-call options object.</summary>
    public static readonly JsonSerializerOptions CachedOptions = CreateOptions();

    public static JsonSerializerOptions CreateOptions() => new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault };

    public static ChatCompletionCreateRequest Build() => new()
    {
        Model = "gpt-4o",
        Messages =
        [
            ChatMessage.FromSystem("You are a terse assistant."),
            ChatMessage.FromUser("What is the capital of France?"),
            ChatMessage.FromAssistant("Paris."),
            ChatMessage.FromUser("And of Germany? Answer in one word."),
        ],
        Temperature = 0.2f,
        MaxTokens = 256,
        StopAsList = ["\n", "END"],
        LogitBias = new Dictionary<string, int> { ["50256"] = -100, ["1234"] = 5 },
        User = "user-1234",
        N = 1,
        FrequencyPenalty = 0.5f,
        PresencePenalty = -0.5f,
        Tools =
        [
            ToolDefinition.DefineFunction(new FunctionDefinition
            {
                Name = "get_weather",
                Description = "Get the weather for a city",
                Parameters = PropertyDefinition.DefineObject(
                    new Dictionary<string, PropertyDefinition> { ["city"] = PropertyDefinition.DefineString(null) },
                    ["city"],
                    null,
                    null,
                    null),
            }),
        ],
    };

    /// <summary>As the library does it: a new options instance per call, the request serialized as <c>object</c>.</summary>
    public static void Write(Utf8JsonWriter writer) => JsonSerializer.Serialize<object>(writer, Build(), CreateOptions());

    /// <summary>With the options instance held once.</summary>
    public static void WriteCachedOptions(Utf8JsonWriter writer) => JsonSerializer.Serialize<object>(writer, Build(), CachedOptions);
}
