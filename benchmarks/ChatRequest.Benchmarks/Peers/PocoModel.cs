using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRequest.Benchmarks.Peers;

// Plain POCOs for the shapes the benchmarks use, with a source-generated JsonSerializerContext: what a team that
// writes its own DTOs would do. They cover only these bodies (message content as a string or as text/image_url
// parts; stop as an array); unlike ChatRequest they keep no unknown members, detect no duplicate members and
// validate nothing.

/// <summary>The request body.</summary>
public sealed class PocoRequest
{
    [JsonPropertyName("model")]
    public string? Model { get; set; }

    [JsonPropertyName("messages")]
    public List<PocoMessage>? Messages { get; set; }

    [JsonPropertyName("temperature")]
    public double? Temperature { get; set; }

    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; set; }

    [JsonPropertyName("stop")]
    public List<string>? Stop { get; set; }

    [JsonPropertyName("logit_bias")]
    public Dictionary<string, int>? LogitBias { get; set; }

    [JsonPropertyName("user")]
    public string? User { get; set; }

    [JsonPropertyName("n")]
    public int? N { get; set; }

    [JsonPropertyName("frequency_penalty")]
    public double? FrequencyPenalty { get; set; }

    [JsonPropertyName("presence_penalty")]
    public double? PresencePenalty { get; set; }

    [JsonPropertyName("tools")]
    public List<PocoTool>? Tools { get; set; }
}

/// <summary>One message; <see cref="Content"/> is a string or a list of parts.</summary>
public sealed class PocoMessage
{
    [JsonPropertyName("role")]
    public string? Role { get; set; }

    [JsonPropertyName("content")]
    public PocoContent? Content { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}

/// <summary>Message content: either <see cref="Text"/> or <see cref="Parts"/>.</summary>
[JsonConverter(typeof(PocoContentConverter))]
public sealed class PocoContent
{
    public string? Text { get; set; }

    public List<PocoContentPart>? Parts { get; set; }
}

/// <summary>A content part, flattened: <c>text</c> or <c>image_url</c>.</summary>
public sealed class PocoContentPart
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("text")]
    public string? Text { get; set; }

    [JsonPropertyName("image_url")]
    public PocoImageUrl? ImageUrl { get; set; }
}

public sealed class PocoImageUrl
{
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("detail")]
    public string? Detail { get; set; }
}

public sealed class PocoTool
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("function")]
    public PocoFunction? Function { get; set; }
}

public sealed class PocoFunction
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("parameters")]
    public JsonElement? Parameters { get; set; }
}

/// <summary>The string-or-parts union of message content (the one converter this shape needs).</summary>
public sealed class PocoContentConverter : JsonConverter<PocoContent>
{
    public override PocoContent? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return new PocoContent { Text = reader.GetString() };
            case JsonTokenType.StartArray:
                return new PocoContent { Parts = JsonSerializer.Deserialize(ref reader, PocoJsonContext.Default.ListPocoContentPart) };
            case JsonTokenType.Null:
                return null;
            default:
                throw new JsonException("content must be a string or an array of parts.");
        }
    }

    public override void Write(Utf8JsonWriter writer, PocoContent value, JsonSerializerOptions options)
    {
        if (value.Parts is null)
        {
            writer.WriteStringValue(value.Text);
        }
        else
        {
            JsonSerializer.Serialize(writer, value.Parts, PocoJsonContext.Default.ListPocoContentPart);
        }
    }
}

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PocoRequest))]
[JsonSerializable(typeof(List<PocoContentPart>))]
public sealed partial class PocoJsonContext : JsonSerializerContext;

/// <summary>The typical request as POCOs, built from scratch on every call.</summary>
public static class PocoVariant
{
    /// <summary>The schema is an immutable value, parsed once (as the floor pre-encodes it once).</summary>
    private static readonly JsonElement WeatherParameters = JsonDocument.Parse(TypicalRequest.WeatherParameters).RootElement.Clone();

    public static PocoRequest Build() => new()
    {
        Model = "gpt-4o",
        Messages =
        [
            new PocoMessage { Role = "system", Content = new PocoContent { Text = "You are a terse assistant." } },
            new PocoMessage { Role = "user", Content = new PocoContent { Text = "What is the capital of France?" } },
            new PocoMessage { Role = "assistant", Content = new PocoContent { Text = "Paris." } },
            new PocoMessage { Role = "user", Content = new PocoContent { Text = "And of Germany? Answer in one word." } },
        ],
        Temperature = 0.2,
        MaxTokens = 256,
        Stop = ["\n", "END"],
        LogitBias = new Dictionary<string, int> { ["50256"] = -100, ["1234"] = 5 },
        User = "user-1234",
        N = 1,
        FrequencyPenalty = 0.5,
        PresencePenalty = -0.5,
        Tools =
        [
            new PocoTool
            {
                Type = "function",
                Function = new PocoFunction { Name = "get_weather", Description = "Get the weather for a city", Parameters = WeatherParameters },
            },
        ],
    };

    public static void Write(Utf8JsonWriter writer) => JsonSerializer.Serialize(writer, Build(), PocoJsonContext.Default.PocoRequest);
}
