using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ChatRequest.Serialization;

/// <summary>A JSON value checked once, as compact text and as the UTF-8 bytes written to the wire.</summary>
internal sealed class CompactJson
{
    public CompactJson(string text)
    {
        Text = text;
        Utf8 = Encoding.UTF8.GetBytes(text);
    }

    public string Text { get; }

    public byte[] Utf8 { get; }
}

/// <summary>JSON text given by callers (tool and response schemas, extra members): checked once, kept compact.</summary>
internal static class JsonText
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = ChatJson.MaxDepth };

    /// <summary>
    /// Checks that <paramref name="json"/> is one JSON object and returns it without insignificant whitespace (the
    /// same string when it already is compact, so the common case allocates nothing).
    /// </summary>
    /// <exception cref="ArgumentException">The text is not valid JSON, or not an object.</exception>
    public static CompactJson CompactObject(string json, string parameterName)
    {
        // Applications pass the same schema string (often a constant) on every request: remember the last one.
        // Strings are immutable, so the same instance always checks the same way.
        var cache = t_lastChecked;
        if (cache is not null && ReferenceEquals(cache.Key, json))
        {
            return cache.Value;
        }

        var result = new CompactJson(CheckAndCompact(json, parameterName));
        t_lastChecked = new CacheEntry(json, result);
        return result;
    }

    [ThreadStatic]
    private static CacheEntry? t_lastChecked;

    private sealed class CacheEntry
    {
        public CacheEntry(string key, CompactJson value)
        {
            Key = key;
            Value = value;
        }

        public string Key { get; }

        public CompactJson Value { get; }
    }

    private static string CheckAndCompact(string json, string parameterName)
    {
        var byteCount = Encoding.UTF8.GetByteCount(json);
        var rented = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var utf8 = rented.AsSpan(0, Encoding.UTF8.GetBytes(json, 0, json.Length, rented, 0));
            var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = ChatJson.MaxDepth });
            var first = true;
            var canonical = true;
            try
            {
                while (reader.Read())
                {
                    if (first && reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw new ArgumentException("'" + parameterName + "' must be a JSON Schema object, but is a JSON " + Describe(reader.TokenType) + ".", parameterName);
                    }

                    first = false;
                    canonical = canonical && !NeedsRewrite(ref reader);
                }
            }
            catch (JsonException ex)
            {
                throw new ArgumentException("'" + parameterName + "' is not valid JSON: " + ex.Message, parameterName, ex);
            }

            if (first)
            {
                throw new ArgumentException("'" + parameterName + "' is not valid JSON: it is empty.", parameterName);
            }

            using var document = JsonDocument.Parse(rented.AsMemory(0, utf8.Length), DocumentOptions);
            RejectRepeatedMembers(document.RootElement, parameterName);
            if (canonical && !HasWhitespaceOutsideStrings(json))
            {
                return json;
            }

            return Compact(document.RootElement);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Checks that <paramref name="element"/> is an object and returns its compact text.</summary>
    public static CompactJson CompactObject(JsonElement element, string parameterName)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("'" + parameterName + "' must be a JSON Schema object, but is a JSON " + element.ValueKind.ToString().ToLowerInvariant() + ".", parameterName);
        }

        RejectRepeatedMembers(element, parameterName);
        return new CompactJson(Compact(element));
    }

    /// <summary>Checks that <paramref name="node"/> is an object and returns its compact text.</summary>
    public static CompactJson CompactObject(JsonNode node, string parameterName)
    {
        if (node is not JsonObject)
        {
            throw new ArgumentException("'" + parameterName + "' must be a JSON Schema object, but is a JSON " + node.GetValueKind().ToString().ToLowerInvariant() + ".", parameterName);
        }

        var buffer = new ArrayBufferWriterLite();
        using (var writer = new Utf8JsonWriter(buffer, ChatJson.WriterOptions))
        {
            node.WriteTo(writer);
        }

        // A node parsed from text writes that text's members as they were, repeated ones included.
        var compact = new CompactJson(buffer.ToUtf16String());
        try
        {
            using var document = JsonDocument.Parse(compact.Utf8, DocumentOptions);
            RejectRepeatedMembers(document.RootElement, parameterName);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("'" + parameterName + "' is not valid JSON: " + ex.Message, parameterName, ex);
        }

        return compact;
    }

    /// <summary>
    /// Throws when an object anywhere in <paramref name="element"/> has the same member twice. A body with a repeated
    /// member is ambiguous (servers differ in which value they read), and <c>FromJson</c> rejects it, so the builder
    /// refuses such JSON where it is given rather than write a body it would not read back.
    /// </summary>
    /// <exception cref="ArgumentException">A member is repeated.</exception>
    public static void RejectRepeatedMembers(JsonElement element, string parameterName)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                string? first = null;
                HashSet<string>? names = null;
                foreach (var member in element.EnumerateObject())
                {
                    if (first is null)
                    {
                        first = member.Name;
                    }
                    else if (!(names ??= new HashSet<string>(StringComparer.Ordinal) { first }).Add(member.Name))
                    {
                        throw new ArgumentException(
                            "'" + parameterName + "' has the member " + Validation.ChatRules.Quote(member.Name) + " twice in one JSON object; the API's JSON must not repeat a member, and FromJson rejects a body that does.",
                            parameterName);
                    }

                    RejectRepeatedMembers(member.Value, parameterName);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    RejectRepeatedMembers(item, parameterName);
                }

                break;
        }
    }

    /// <summary>Parses JSON text into a detached element.</summary>
    public static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json, DocumentOptions);
        return document.RootElement.Clone();
    }

    /// <summary>A detached element holding a copy of <paramref name="node"/>.</summary>
    public static JsonElement Element(JsonNode node) => Element(node.ToJsonString());

    private static string Compact(JsonElement element)
    {
        var buffer = new ArrayBufferWriterLite();
        using (var writer = new Utf8JsonWriter(buffer, ChatJson.WriterOptions))
        {
            element.WriteTo(writer);
        }

        return buffer.ToUtf16String();
    }

    /// <summary>
    /// Whether the current token is a string or property name that the request writer would spell differently: one
    /// with escapes (the writer picks its own), or with characters the writer's encoder escapes (such as non-BMP
    /// characters or U+2028). Such text is rewritten, so that a schema is written the same way whether the request
    /// comes from its builder chain or from its parsed body.
    /// </summary>
    private static bool NeedsRewrite(ref Utf8JsonReader reader) =>
        reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName
        && (reader.ValueIsEscaped || ChatJson.Options.Encoder!.FindFirstCharacterToEncodeUtf8(reader.ValueSpan) >= 0);

    // Whitespace outside string literals is the only insignificant text JSON has.
    private static bool HasWhitespaceOutsideStrings(string json)
    {
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (c is ' ' or '\t' or '\n' or '\r')
            {
                return true;
            }
        }

        return false;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        JsonTokenType.True or JsonTokenType.False => "boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString().ToLowerInvariant(),
    };

    /// <summary>A minimal growable buffer (netstandard2.0 has no ArrayBufferWriter).</summary>
    private sealed class ArrayBufferWriterLite : IBufferWriter<byte>
    {
        private byte[] _buffer = new byte[256];
        private int _written;

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsMemory(_written);
        }

        public Span<byte> GetSpan(int sizeHint = 0)
        {
            Ensure(sizeHint);
            return _buffer.AsSpan(_written);
        }

        public string ToUtf16String() => Encoding.UTF8.GetString(_buffer, 0, _written);

        private void Ensure(int sizeHint)
        {
            if (_written + Math.Max(sizeHint, 1) > _buffer.Length)
            {
                Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _written + sizeHint));
            }
        }
    }
}
