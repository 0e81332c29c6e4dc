using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRequest;

/// <summary>
/// <c>stop</c>: up to 4 sequences that end generation. Written as a JSON string when it was given as one
/// (<see cref="IsSingleString"/>), otherwise as an array.
/// </summary>
[JsonConverter(typeof(Serialization.StopSequencesConverter))]
public sealed class StopSequences
{
    /// <summary>Creates a list of stop sequences (written as a JSON array).</summary>
    /// <param name="sequences">The sequences. The list is copied.</param>
    public StopSequences(IEnumerable<string> sequences)
    {
        if (sequences is null)
        {
            throw new ArgumentNullException(nameof(sequences));
        }

        Sequences = new List<string>(sequences);
    }

    /// <summary>Creates a single stop sequence (written as a JSON string).</summary>
    /// <param name="sequence">The sequence.</param>
    public StopSequences(string sequence)
    {
        if (sequence is null)
        {
            throw new ArgumentNullException(nameof(sequence));
        }

        Sequences = new List<string>(1) { sequence };
        IsSingleString = true;
    }

    /// <summary>A list of stop sequences that takes over <paramref name="sequences"/> (a list made for it by the reader).</summary>
    internal StopSequences(List<string> sequences, bool owned)
    {
        Sequences = owned ? sequences : new List<string>(sequences);
    }

    /// <summary>The sequences.</summary>
    public IList<string> Sequences { get; }

    /// <summary>True when written as one JSON string rather than an array.</summary>
    public bool IsSingleString { get; }
}

/// <summary><c>audio</c>: voice and format of spoken output (needed when <c>modalities</c> holds <c>audio</c>).</summary>
public sealed class AudioOutputOptions : JsonModel
{
    /// <summary>The voice (required): a built-in voice name or a custom voice id.</summary>
    public AudioVoice? Voice { get; set; }

    /// <summary>The output format (required): <c>wav</c>, <c>aac</c>, <c>mp3</c>, <c>flac</c>, <c>opus</c> or <c>pcm16</c>.</summary>
    public string? Format { get; set; }
}

/// <summary>A voice: a built-in voice name (a JSON string, e.g. <c>alloy</c>) or a custom voice (<c>{"id":...}</c>).</summary>
[JsonConverter(typeof(Serialization.AudioVoiceConverter))]
public sealed class AudioVoice
{
    private AudioVoice(string? name, string? id)
    {
        Name = name;
        Id = id;
    }

    /// <summary>The built-in voice name, when the voice is a JSON string.</summary>
    public string? Name { get; }

    /// <summary>The custom voice id, when the voice is an object.</summary>
    public string? Id { get; }

    /// <summary>A built-in voice by name, such as <c>alloy</c> or <c>marin</c>.</summary>
    /// <param name="name">The voice name.</param>
    /// <returns>The voice.</returns>
    public static AudioVoice Named(string name) => new(name ?? throw new ArgumentNullException(nameof(name)), null);

    /// <summary>A custom voice by id.</summary>
    /// <param name="id">The custom voice id.</param>
    /// <returns>The voice.</returns>
    public static AudioVoice Custom(string id) => new(null, id ?? throw new ArgumentNullException(nameof(id)));

    /// <summary>A built-in voice by name.</summary>
    /// <param name="name">The voice name.</param>
    public static implicit operator AudioVoice(string name) => Named(name);

    /// <summary>A built-in voice by name (the named alternative to the implicit conversion).</summary>
    /// <param name="name">The voice name.</param>
    /// <returns>The voice.</returns>
    public static AudioVoice FromString(string name) => Named(name);

    /// <inheritdoc />
    public override string ToString() => Name ?? "{id: " + Id + "}";
}

/// <summary><c>prediction</c>: text the answer will mostly repeat (Predicted Outputs).</summary>
public sealed class Prediction : JsonModel
{
    /// <summary>Always <c>content</c>.</summary>
    public string? Type { get; set; }

    /// <summary>The predicted text, as a string or text parts (required).</summary>
    public MessageContent? Content { get; set; }
}

/// <summary><c>stream_options</c>: options of a streamed response (only with <c>stream: true</c>).</summary>
public sealed class StreamOptions : JsonModel
{
    /// <summary>Send a final chunk with the token usage of the whole request.</summary>
    public bool? IncludeUsage { get; set; }

    /// <summary>Pad streamed deltas with random obfuscation (on unless false).</summary>
    public bool? IncludeObfuscation { get; set; }
}

/// <summary><c>web_search_options</c>: settings of the web search tool.</summary>
public sealed class WebSearchOptions : JsonModel
{
    /// <summary>The approximate location of the user.</summary>
    public WebSearchUserLocation? UserLocation { get; set; }

    /// <summary>How much of the context window search results may use: <c>low</c>, <c>medium</c> or <c>high</c>.</summary>
    public string? SearchContextSize { get; set; }
}

/// <summary>The user's location for web search.</summary>
public sealed class WebSearchUserLocation : JsonModel
{
    /// <summary>Always <c>approximate</c> (required).</summary>
    public string? Type { get; set; }

    /// <summary>The location (required).</summary>
    public ApproximateLocation? Approximate { get; set; }
}

/// <summary>An approximate location.</summary>
public sealed class ApproximateLocation : JsonModel
{
    /// <summary>Two-letter ISO 3166-1 country code, e.g. <c>US</c>.</summary>
    public string? Country { get; set; }

    /// <summary>Region, e.g. <c>California</c>.</summary>
    public string? Region { get; set; }

    /// <summary>City, e.g. <c>San Francisco</c>.</summary>
    public string? City { get; set; }

    /// <summary>IANA time zone, e.g. <c>America/Los_Angeles</c>.</summary>
    public string? Timezone { get; set; }
}

/// <summary><c>moderation</c>: moderation of the input and of the generated output.</summary>
public sealed class ModerationOptions : JsonModel
{
    /// <summary>The moderation model, e.g. <c>omni-moderation-latest</c> (required).</summary>
    public string? Model { get; set; }

    /// <summary>What to do with flagged input and output.</summary>
    public ModerationPolicy? Policy { get; set; }
}

/// <summary>The moderation policy for input and output.</summary>
public sealed class ModerationPolicy : JsonModel
{
    /// <summary>Policy for the input.</summary>
    public ModerationConfig? Input { get; set; }

    /// <summary>Policy for the output.</summary>
    public ModerationConfig? Output { get; set; }
}

/// <summary>One moderation setting.</summary>
public sealed class ModerationConfig : JsonModel
{
    /// <summary><c>score</c> or <c>block</c> (required).</summary>
    public string? Mode { get; set; }
}

/// <summary><c>prompt_cache_options</c>: prompt-cache breakpoint settings (gpt-5.6 and later).</summary>
public sealed class PromptCacheOptions : JsonModel
{
    /// <summary>Minimum cache lifetime; only <c>30m</c>.</summary>
    public string? Ttl { get; set; }

    /// <summary><c>implicit</c> (an automatic breakpoint plus explicit ones) or <c>explicit</c>.</summary>
    public string? Mode { get; set; }
}

/// <summary><c>response_format</c>: plain text, JSON mode, or Structured Outputs with a JSON Schema.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextResponseFormat), "text")]
[JsonDerivedType(typeof(JsonObjectResponseFormat), "json_object")]
[JsonDerivedType(typeof(JsonSchemaResponseFormat), "json_schema")]
public abstract class ResponseFormat : JsonModel
{
    private protected ResponseFormat(string type)
    {
        Type = type;
    }

    /// <summary>The JSON <c>type</c>: <c>text</c>, <c>json_object</c> or <c>json_schema</c>.</summary>
    [JsonIgnore]
    public string Type { get; }
}

/// <summary>Plain text output: <c>{"type":"text"}</c>.</summary>
public sealed class TextResponseFormat : ResponseFormat
{
    /// <summary>Creates an empty instance.</summary>
    public TextResponseFormat()
        : base("text")
    {
    }
}

/// <summary>JSON mode: <c>{"type":"json_object"}</c>. A message must tell the model to answer in JSON.</summary>
public sealed class JsonObjectResponseFormat : ResponseFormat
{
    /// <summary>Creates an empty instance.</summary>
    public JsonObjectResponseFormat()
        : base("json_object")
    {
    }
}

/// <summary>Structured Outputs: <c>{"type":"json_schema","json_schema":{...}}</c>.</summary>
public sealed class JsonSchemaResponseFormat : ResponseFormat
{
    /// <summary>Creates an empty instance.</summary>
    public JsonSchemaResponseFormat()
        : base("json_schema")
    {
    }

    /// <summary>The schema and its name (required).</summary>
    public JsonSchemaDefinition? JsonSchema { get; set; }
}

/// <summary>The named JSON Schema of a <see cref="JsonSchemaResponseFormat"/>.</summary>
public sealed class JsonSchemaDefinition : JsonModel
{
    /// <summary>The name (required): a-z, A-Z, 0-9, underscores and dashes, at most 64 characters.</summary>
    public string? Name { get; set; }

    /// <summary>What the format is for.</summary>
    public string? Description { get; set; }

    /// <summary>The JSON Schema object.</summary>
    public JsonElement? Schema { get; set; }

    /// <summary>Whether the model must follow the schema exactly.</summary>
    public bool? Strict { get; set; }
}
