using System.Text.Json.Serialization;

namespace ChatRequest;

/// <summary>One part of a message's content; the JSON member <c>type</c> tells which.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextContentPart), "text")]
[JsonDerivedType(typeof(ImageContentPart), "image_url")]
[JsonDerivedType(typeof(AudioContentPart), "input_audio")]
[JsonDerivedType(typeof(FileContentPart), "file")]
[JsonDerivedType(typeof(RefusalContentPart), "refusal")]
public abstract partial class ContentPart : JsonModel
{
    private protected ContentPart(string type)
    {
        Type = type;
    }

    /// <summary>The part's JSON <c>type</c>: <c>text</c>, <c>image_url</c>, <c>input_audio</c>, <c>file</c> or <c>refusal</c>.</summary>
    [JsonIgnore]
    public string Type { get; }
}

/// <summary>A prompt-cache breakpoint on a content part (<c>{"mode":"explicit"}</c>).</summary>
public sealed class PromptCacheBreakpoint : JsonModel
{
    /// <summary>The breakpoint mode; the API accepts only <c>explicit</c>.</summary>
    public string? Mode { get; set; }
}

/// <summary>Base of the content parts that may carry a prompt-cache breakpoint.</summary>
public abstract class CacheableContentPart : ContentPart
{
    private protected CacheableContentPart(string type)
        : base(type)
    {
    }

    /// <summary>An explicit prompt-cache breakpoint at this part (<c>prompt_cache_breakpoint</c>).</summary>
    public PromptCacheBreakpoint? PromptCacheBreakpoint { get; set; }
}

/// <summary>A text part: <c>{"type":"text","text":...}</c>.</summary>
public sealed class TextContentPart : CacheableContentPart
{
    /// <summary>Creates an empty instance.</summary>
    public TextContentPart()
        : base("text")
    {
    }

    /// <summary>The text (required).</summary>
    public string? Text { get; set; }
}

/// <summary>An image part: <c>{"type":"image_url","image_url":{"url":...,"detail":...}}</c>.</summary>
public sealed class ImageContentPart : CacheableContentPart
{
    /// <summary>Creates an empty instance.</summary>
    public ImageContentPart()
        : base("image_url")
    {
    }

    /// <summary>The image (required).</summary>
    public ImageUrl? ImageUrl { get; set; }
}

/// <summary>The image of an <see cref="ImageContentPart"/>.</summary>
public sealed class ImageUrl : JsonModel
{
    /// <summary>A URL or a <c>data:</c> URL with base64 image data (required).</summary>
    public string? Url { get; set; }

    /// <summary>The detail level: <c>auto</c>, <c>low</c> or <c>high</c>.</summary>
    public string? Detail { get; set; }
}

/// <summary>An audio input part: <c>{"type":"input_audio","input_audio":{"data":...,"format":...}}</c>.</summary>
public sealed class AudioContentPart : CacheableContentPart
{
    /// <summary>Creates an empty instance.</summary>
    public AudioContentPart()
        : base("input_audio")
    {
    }

    /// <summary>The audio (required).</summary>
    public InputAudio? InputAudio { get; set; }
}

/// <summary>The audio of an <see cref="AudioContentPart"/>.</summary>
public sealed class InputAudio : JsonModel
{
    /// <summary>Base64-encoded audio data (required).</summary>
    public string? Data { get; set; }

    /// <summary>The format: <c>wav</c> or <c>mp3</c> (required).</summary>
    public string? Format { get; set; }
}

/// <summary>A file part: <c>{"type":"file","file":{...}}</c>.</summary>
public sealed class FileContentPart : CacheableContentPart
{
    /// <summary>Creates an empty instance.</summary>
    public FileContentPart()
        : base("file")
    {
    }

    /// <summary>The file (required).</summary>
    public FileInput? File { get; set; }
}

/// <summary>The file of a <see cref="FileContentPart"/>: an uploaded file's id, or inline base64 data with a name.</summary>
public sealed class FileInput : JsonModel
{
    /// <summary>The file name, used with <see cref="FileData"/>.</summary>
    public string? Filename { get; set; }

    /// <summary>Base64-encoded file data.</summary>
    public string? FileData { get; set; }

    /// <summary>The id of an uploaded file.</summary>
    public string? FileId { get; set; }
}

/// <summary>A refusal part (assistant messages only): <c>{"type":"refusal","refusal":...}</c>.</summary>
public sealed class RefusalContentPart : ContentPart
{
    /// <summary>Creates an empty instance.</summary>
    public RefusalContentPart()
        : base("refusal")
    {
    }

    /// <summary>The refusal text (required).</summary>
    public string? Refusal { get; set; }
}
