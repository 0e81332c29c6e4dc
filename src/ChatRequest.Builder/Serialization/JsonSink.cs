using System;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ChatRequest.Serialization;

/// <summary>
/// The JSON calls the chain writer makes. Implemented by structs, so that the chain writer, generic over its sink, is
/// compiled once per sink with every call inlined: <see cref="Utf8JsonSink"/> (any <see cref="Utf8JsonWriter"/>, its
/// options applied) and, on .NET, <c>RawJsonSink</c> (pre-encoded bytes into a pooled buffer).
/// </summary>
internal interface IJsonSink
{
    void StartObject();

    void StartObject(JsonEncodedText name);

    void EndObject();

    void StartArray(JsonEncodedText name);

    void EndArray();

    void PropertyName(JsonEncodedText name);

    void PropertyName(string name);

    void String(JsonEncodedText name, string value);

    void String(JsonEncodedText name, JsonConstant value);

    void StringValue(string value);

    /// <summary>A whole message object of a role and text content: <c>{"role":...,"content":...}</c>.</summary>
    void Message(JsonRole role, string content);

    void Number(JsonEncodedText name, double value);

    void Number(JsonEncodedText name, long value);

    /// <summary>A member named by an integer in decimal (a <c>logit_bias</c> token id).</summary>
    void Number(int name, long value);

    void Boolean(JsonEncodedText name, bool value);

    /// <summary>A value that is already compact, checked JSON.</summary>
    void RawValue(byte[] utf8Json);

    void Value(JsonElement value);
}

/// <summary>
/// A constant string value of the wire format (a role, a type tag): lower-case letters and '_', which every encoder
/// writes as they are, so the raw writer keeps them quoted and encoded once. A <see cref="Utf8JsonWriter"/> is
/// given the string, as any other.
/// </summary>
internal sealed class JsonConstant
{
    public JsonConstant(string text)
    {
        foreach (var c in text)
        {
            if (c is not (>= 'a' and <= 'z') and not '_')
            {
                throw new ArgumentException("A JSON constant is lower-case letters and '_' only.", nameof(text));
            }
        }

        Text = text;
        QuotedUtf8 = Encoding.UTF8.GetBytes("\"" + text + "\"");
    }

    public string Text { get; }

    /// <summary>The value as written: <c>"text"</c>.</summary>
    public byte[] QuotedUtf8 { get; }
}

/// <summary>A message role, with the opening of a message of that role encoded once: <c>{"role":"user","content":</c>.</summary>
internal sealed class JsonRole
{
    public JsonRole(string role)
    {
        Value = new JsonConstant(role);
        Opening = Encoding.UTF8.GetBytes("{\"role\":\"" + role + "\",\"content\":");
    }

    public JsonConstant Value { get; }

    public byte[] Opening { get; }
}

/// <summary>The chain writer's calls made on a <see cref="Utf8JsonWriter"/> (its options apply).</summary>
internal readonly struct Utf8JsonSink : IJsonSink
{
    private readonly Utf8JsonWriter _w;

    public Utf8JsonSink(Utf8JsonWriter writer) => _w = writer;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StartObject() => _w.WriteStartObject();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StartObject(JsonEncodedText name) => _w.WriteStartObject(name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndObject() => _w.WriteEndObject();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StartArray(JsonEncodedText name) => _w.WriteStartArray(name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndArray() => _w.WriteEndArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PropertyName(JsonEncodedText name) => _w.WritePropertyName(name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PropertyName(string name) => _w.WritePropertyName(name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void String(JsonEncodedText name, string value) => _w.WriteString(name, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void String(JsonEncodedText name, JsonConstant value) => _w.WriteString(name, value.Text);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StringValue(string value) => _w.WriteStringValue(value);

    public void Message(JsonRole role, string content)
    {
        _w.WriteStartObject();
        _w.WriteString(RequestWriter.Names.Role, role.Value.Text);
        _w.WriteString(RequestWriter.Names.Content, content);
        _w.WriteEndObject();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Number(JsonEncodedText name, double value) => _w.WriteNumber(name, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Number(JsonEncodedText name, long value) => _w.WriteNumber(name, value);

    public void Number(int name, long value)
    {
        Span<byte> digits = stackalloc byte[11];
        Utf8Formatter.TryFormat(name, digits, out var length);
        _w.WriteNumber(digits.Slice(0, length), value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Boolean(JsonEncodedText name, bool value) => _w.WriteBoolean(name, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void RawValue(byte[] utf8Json) => _w.WriteRawValue(utf8Json, skipInputValidation: true);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Value(JsonElement value) => value.WriteTo(_w);
}
