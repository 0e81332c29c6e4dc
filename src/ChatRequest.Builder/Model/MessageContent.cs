using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using ChatRequest.Serialization;

namespace ChatRequest;

/// <summary>
/// A message's <c>content</c>: either plain text (written as a JSON string) or a list of content parts
/// (written as a JSON array). Exactly one of <see cref="Text"/> and <see cref="Parts"/> is set.
/// </summary>
[JsonConverter(typeof(MessageContentConverter))]
public sealed class MessageContent
{
    /// <summary>Creates text content.</summary>
    /// <param name="text">The text.</param>
    public MessageContent(string text)
    {
        Text = text ?? throw new ArgumentNullException(nameof(text));
    }

    /// <summary>Creates content made of parts.</summary>
    /// <param name="parts">The parts, in order. The list is copied.</param>
    public MessageContent(IEnumerable<ContentPart> parts)
    {
        if (parts is null)
        {
            throw new ArgumentNullException(nameof(parts));
        }

        Parts = new List<ContentPart>(parts);
    }

    /// <summary>Content made of parts that takes over <paramref name="parts"/> (a list made for it by the reader).</summary>
    internal MessageContent(List<ContentPart> parts, bool owned)
    {
        Parts = owned ? parts : new List<ContentPart>(parts);
    }

    /// <summary>The text, when the content is a JSON string; otherwise null.</summary>
    public string? Text { get; }

    /// <summary>The parts, when the content is a JSON array; otherwise null.</summary>
    public IList<ContentPart>? Parts { get; }

    /// <summary>True when the content is plain text.</summary>
    [MemberNotNullWhen(true, nameof(Text))]
    [MemberNotNullWhen(false, nameof(Parts))]
    public bool IsText => Text is not null;

    /// <summary>Text content from a string.</summary>
    /// <param name="text">The text.</param>
    public static implicit operator MessageContent(string text) => new(text);

    /// <summary>Creates text content (the named alternative to the implicit conversion).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The content.</returns>
    public static MessageContent FromString(string text) => new(text);

    /// <summary>
    /// A summary such as <c>[text, 120 characters]</c> or <c>[3 parts]</c>. It never prints the text, which may be
    /// secret; read <see cref="Text"/> or <see cref="Parts"/> for the content.
    /// </summary>
    /// <returns>The summary.</returns>
    public override string ToString() => Text is { } text
        ? "[text, " + text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters]"
        : "[" + Parts!.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + " parts]";
}
