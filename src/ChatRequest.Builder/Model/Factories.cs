using System;

namespace ChatRequest;

/// <content>Factories for each kind of content part.</content>
public abstract partial class ContentPart
{
    /// <summary>A text part.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The part.</returns>
    public static TextContentPart FromText(string text) =>
        new() { Text = text ?? throw new ArgumentNullException(nameof(text)) };

    /// <summary>An image part from a URL (or a <c>data:</c> URL).</summary>
    /// <param name="url">The image URL.</param>
    /// <param name="detail">The detail level; the API's default is auto.</param>
    /// <returns>The part.</returns>
    public static ImageContentPart FromImageUrl(string url, ImageDetail? detail = null) =>
        new()
        {
            ImageUrl = new ImageUrl
            {
                Url = url ?? throw new ArgumentNullException(nameof(url)),
                Detail = detail is { } d ? Wire.Of(d) : null,
            },
        };

    /// <summary>An image part from image bytes, sent inline as a base64 <c>data:</c> URL.</summary>
    /// <param name="imageBytes">The encoded image (PNG, JPEG, WEBP or non-animated GIF).</param>
    /// <param name="mediaType">The media type, e.g. <c>image/png</c>.</param>
    /// <param name="detail">The detail level; the API's default is auto.</param>
    /// <returns>The part.</returns>
    public static ImageContentPart FromImageBytes(ReadOnlySpan<byte> imageBytes, string mediaType, ImageDetail? detail = null)
    {
        if (string.IsNullOrWhiteSpace(mediaType))
        {
            throw new ArgumentException("The media type (e.g. \"image/png\") is required to build a data: URL.", nameof(mediaType));
        }

        return FromImageUrl("data:" + mediaType + ";base64," + ToBase64(imageBytes), detail);
    }

    /// <summary>An audio input part from audio bytes, sent inline as base64.</summary>
    /// <param name="audioBytes">The encoded audio.</param>
    /// <param name="format">The audio format.</param>
    /// <returns>The part.</returns>
    public static AudioContentPart FromAudioBytes(ReadOnlySpan<byte> audioBytes, InputAudioFormat format) =>
        new() { InputAudio = new InputAudio { Data = ToBase64(audioBytes), Format = Wire.Of(format) } };

    /// <summary>A file part that refers to an uploaded file.</summary>
    /// <param name="fileId">The uploaded file's id.</param>
    /// <returns>The part.</returns>
    public static FileContentPart FromFileId(string fileId) =>
        new() { File = new FileInput { FileId = fileId ?? throw new ArgumentNullException(nameof(fileId)) } };

    /// <summary>A file part with the file's bytes inline (base64) and its name.</summary>
    /// <param name="fileBytes">The file's bytes.</param>
    /// <param name="filename">The file name, e.g. <c>report.pdf</c>.</param>
    /// <returns>The part.</returns>
    public static FileContentPart FromFileBytes(ReadOnlySpan<byte> fileBytes, string filename) =>
        new()
        {
            File = new FileInput
            {
                FileData = ToBase64(fileBytes),
                Filename = filename ?? throw new ArgumentNullException(nameof(filename)),
            },
        };

    /// <summary>A refusal part (assistant messages only).</summary>
    /// <param name="refusal">The refusal text.</param>
    /// <returns>The part.</returns>
    public static RefusalContentPart FromRefusal(string refusal) =>
        new() { Refusal = refusal ?? throw new ArgumentNullException(nameof(refusal)) };

    private static string ToBase64(ReadOnlySpan<byte> bytes) =>
#if NET
        Convert.ToBase64String(bytes);
#else
        Convert.ToBase64String(bytes.ToArray());
#endif
}

/// <content>Factories for each kind of tool call.</content>
public abstract partial class ToolCall
{
    /// <summary>A call of a function tool, as the model made it.</summary>
    /// <param name="id">The call's id.</param>
    /// <param name="name">The function's name.</param>
    /// <param name="arguments">The arguments as a JSON-encoded string.</param>
    /// <returns>The call.</returns>
    public static FunctionToolCall ForFunction(string id, string name, string arguments) =>
        new()
        {
            Id = id ?? throw new ArgumentNullException(nameof(id)),
            Function = new FunctionCall
            {
                Name = name ?? throw new ArgumentNullException(nameof(name)),
                Arguments = arguments ?? throw new ArgumentNullException(nameof(arguments)),
            },
        };

    /// <summary>A call of a custom tool, as the model made it.</summary>
    /// <param name="id">The call's id.</param>
    /// <param name="name">The custom tool's name.</param>
    /// <param name="input">The input the model produced.</param>
    /// <returns>The call.</returns>
    public static CustomToolCall ForCustomTool(string id, string name, string input) =>
        new()
        {
            Id = id ?? throw new ArgumentNullException(nameof(id)),
            Custom = new CustomToolCallInput
            {
                Name = name ?? throw new ArgumentNullException(nameof(name)),
                Input = input ?? throw new ArgumentNullException(nameof(input)),
            },
        };
}
