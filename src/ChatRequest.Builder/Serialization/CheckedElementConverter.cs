using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRequest.Serialization;

/// <summary>
/// Reads a JSON value the model keeps as a <see cref="JsonElement"/> (tool parameters, JSON schemas, unknown members)
/// and checks that every string and member name in it is valid text. The reader only checks strings it decodes, so
/// invalid UTF-8 or an unpaired surrogate escape (<c>"\ud800"</c>) would otherwise be kept, and ToJson() would then
/// throw InvalidOperationException or write U+FFFD in its place. Such a body is a <see cref="JsonException"/> instead.
/// </summary>
internal sealed class CheckedElementConverter : JsonConverter<JsonElement>
{
    public override JsonElement Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var element = JsonElement.ParseValue(ref reader);
        RequireValidText(element);
        if (!options.AllowDuplicateProperties)
        {
            // ParseValue keeps the last of two members; parse the value's text again to refuse them, as the rest of
            // the body does (this converter serves the reference contract and direct users of ChatJsonContext).
            element = JsonElement.Parse(element.GetRawText(), new JsonDocumentOptions { MaxDepth = options.MaxDepth == 0 ? 64 : options.MaxDepth, AllowDuplicateProperties = false });
        }

        return element;
    }

    public override void Write(Utf8JsonWriter writer, JsonElement value, JsonSerializerOptions options) => value.WriteTo(writer);

    /// <summary>Throws a <see cref="JsonException"/> when a string or member name in <paramref name="element"/> is not valid text.</summary>
    public static void RequireValidText(JsonElement element)
    {
        try
        {
            Decode(element);
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException("A string in this JSON value is not valid text (invalid UTF-8 or an unpaired surrogate): " + ex.Message, ex);
        }
    }

    // Decoding a string is what checks it; the depth is bounded by the reader's MaxDepth.
    private static void Decode(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                _ = element.GetString();
                break;
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    _ = member.Name;
                    Decode(member.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Decode(item);
                }

                break;
            default:
                break;
        }
    }
}
