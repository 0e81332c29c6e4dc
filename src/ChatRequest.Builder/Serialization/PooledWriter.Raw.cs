#if NET
using System;
using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ChatRequest.Serialization;

/// <content>
/// The raw writer (.NET only): JSON written straight into the pooled buffer, member names pre-encoded, with none of
/// <see cref="Utf8JsonWriter"/>'s per-call state checks. It gives the same bytes as a non-indented
/// <see cref="Utf8JsonWriter"/> with one of two encoders: the library's (<see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/>)
/// or System.Text.Json's default (no encoder set), whose rules a test pins down char by char:
/// <list type="bullet">
/// <item>both: control chars as <c>\b \t \n \f \r</c> or <c>\u00XX</c>, <c>\</c> as <c>\\</c>, DEL as <c>\u007F</c>,
/// every char of a surrogate pair as <c>\uXXXX</c>, a lone surrogate as <c>\uFFFD</c>;</item>
/// <item>the library's: <c>"</c> as <c>\"</c>; other non-ASCII chars as UTF-8, unless the encoder escapes them
/// (<see cref="TextEncoder.WillEncode"/>), then as <c>\uXXXX</c>;</item>
/// <item>the default: <c>"</c> and <c>&amp; ' + &lt; &gt; `</c> as <c>\u00XX</c>, every non-ASCII char as <c>\uXXXX</c>.</item>
/// </list>
/// Upper-case hex throughout. Numbers are formatted as <see cref="Utf8JsonWriter"/> formats them; anything rare
/// (non-finite numbers, <see cref="JsonElement"/> values, strings too long for a JSON token) is handed to a
/// <see cref="Utf8JsonWriter"/> with the same encoder, writing into this buffer.
/// </content>
internal sealed partial class PooledWriter
{
    /// <summary>Longer strings are handed to <see cref="Utf8JsonWriter"/>, which refuses them.</summary>
    private const int LongestRawString = 166_666_666;

    /// <summary>ASCII chars both encoders write as they are, plus the HTML-sensitive ones the default escapes.</summary>
    private static readonly SearchValues<char> RelaxedPlain = SearchValues.Create(PlainAscii(string.Empty));
    private static readonly SearchValues<char> DefaultPlain = SearchValues.Create(PlainAscii("&'+<>`"));

    private bool _comma;
    private bool _defaultEncoder;
    private Utf8JsonWriter? _defaultEncoderWriter;

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    private static string PlainAscii(string alsoEscaped)
    {
        var chars = new StringBuilder();
        for (var c = ' '; c < '\x7F'; c++)
        {
            if (c is not '"' and not '\\' && alsoEscaped.IndexOf(c) < 0)
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }

    /// <summary>Starts a raw write into this (just rented) writer's buffer.</summary>
    /// <param name="defaultEncoder">Escape as a writer with no encoder set; otherwise as the library's encoder.</param>
    public void StartRaw(bool defaultEncoder)
    {
        _written = 0;
        _comma = false;
        _defaultEncoder = defaultEncoder;
    }

    public void RawStartObject()
    {
        Ensure(2);
        Separator();
        _buffer[_written++] = (byte)'{';
        _comma = false;
    }

    public void RawStartObject(JsonEncodedText name)
    {
        Name(name, 1);
        _buffer[_written++] = (byte)'{';
    }

    public void RawEndObject()
    {
        Ensure(1);
        _buffer[_written++] = (byte)'}';
        _comma = true;
    }

    public void RawStartArray(JsonEncodedText name)
    {
        Name(name, 1);
        _buffer[_written++] = (byte)'[';
    }

    public void RawEndArray()
    {
        Ensure(1);
        _buffer[_written++] = (byte)']';
        _comma = true;
    }

    public void RawPropertyName(JsonEncodedText name) => Name(name, 0);

    public void RawPropertyName(string name)
    {
        if (name.Length > LongestRawString)
        {
            Ensure(1);
            Separator();
            var writer = Scratch();
            writer.WritePropertyName(name);
            writer.Flush();
            _comma = false;
            return;
        }

        Ensure(2);
        Separator();
        Quoted(name);
        _buffer[_written++] = (byte)':';
        _comma = false;
    }

    public void RawString(JsonEncodedText name, string value)
    {
        Name(name, 0);
        RawStringValue(value);
    }

    public void RawStringValue(string value)
    {
        if (value.Length > LongestRawString)
        {
            Value(static (writer, text) => writer.WriteStringValue(text), value);
            return;
        }

        Ensure(1);
        Separator();
        Quoted(value);
        _comma = true;
    }

    public void RawNumber(JsonEncodedText name, double value)
    {
        if (!double.IsFinite(value))
        {
            // Utf8JsonWriter refuses these; let it say so in its words.
            Value(static (writer, number) => writer.WriteNumberValue(number), value);
            return;
        }

        Name(name, 32);
        var destination = _buffer.AsSpan(_written);
        if (!TryFormatShortDecimal(value, destination, out var written))
        {
            Utf8Formatter.TryFormat(value, destination, out written);
        }

        _written += written;
        _comma = true;
    }

    /// <summary>
    /// Formats the common settings values (0.2, -1.5, 0.95) without the general shortest-round-trip formatter: a
    /// double that some decimal with at most four fractional digits rounds to, below 2^48 in magnitude, is written
    /// as that decimal. It is the one such decimal (at this size the decimals 10^-k apart are many ulps apart), and
    /// the fewest fractional digits give the fewest digits, so it is what the shortest-round-trip formatter writes;
    /// a test compares the two.
    /// </summary>
    private static bool TryFormatShortDecimal(double value, Span<byte> destination, out int written)
    {
        const double Limit = 281474976710656; // 2^48
        written = 0;
        var scale = 1L;
        for (var digits = 0; digits <= 4; digits++, scale *= 10)
        {
            var scaled = Math.Round(value * scale);
            if (Math.Abs(scaled) >= Limit)
            {
                return false;
            }

            if (scaled / scale != value)
            {
                continue;
            }

            if (double.IsNegative(value))
            {
                destination[written++] = (byte)'-';
            }

            var units = (long)Math.Abs(scaled);
            Utf8Formatter.TryFormat(units / scale, destination.Slice(written), out var integral);
            written += integral;
            if (digits > 0)
            {
                destination[written++] = (byte)'.';
                var fraction = units % scale;
                for (var place = scale / 10; place > 0; place /= 10)
                {
                    destination[written++] = (byte)('0' + (fraction / place % 10));
                }
            }

            return true;
        }

        return false;
    }

    public void RawNumber(JsonEncodedText name, long value)
    {
        Name(name, 20);
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_written), out var written);
        _written += written;
        _comma = true;
    }

    /// <summary>A member whose name is plain ASCII (digits) given as UTF-8.</summary>
    public void RawNumber(ReadOnlySpan<byte> utf8Name, long value)
    {
        Ensure(utf8Name.Length + 24);
        Separator();
        _buffer[_written++] = (byte)'"';
        utf8Name.CopyTo(_buffer.AsSpan(_written));
        _written += utf8Name.Length;
        _buffer[_written++] = (byte)'"';
        _buffer[_written++] = (byte)':';
        Utf8Formatter.TryFormat(value, _buffer.AsSpan(_written), out var written);
        _written += written;
        _comma = true;
    }

    public void RawBoolean(JsonEncodedText name, bool value)
    {
        Name(name, 5);
        var literal = value ? "true"u8 : "false"u8;
        literal.CopyTo(_buffer.AsSpan(_written));
        _written += literal.Length;
        _comma = true;
    }

    public void RawValue(byte[] utf8Json)
    {
        Ensure(utf8Json.Length + 1);
        Separator();
        utf8Json.CopyTo(_buffer, _written);
        _written += utf8Json.Length;
        _comma = true;
    }

    public void RawValue(JsonElement value) => Value(static (writer, element) => element.WriteTo(writer), value);

    /// <summary>Writes one value with a <see cref="Utf8JsonWriter"/> of the same encoder, into this buffer.</summary>
    private void Value<T>(Action<Utf8JsonWriter, T> write, T value)
    {
        Ensure(1);
        Separator();
        var writer = Scratch();
        write(writer, value);
        writer.Flush();
        _comma = true;
    }

    private Utf8JsonWriter Scratch()
    {
        if (!_defaultEncoder)
        {
            return Json();
        }

        if (_defaultEncoderWriter is null)
        {
            _defaultEncoderWriter = new Utf8JsonWriter(this, new JsonWriterOptions { SkipValidation = true });
        }
        else
        {
            _defaultEncoderWriter.Reset(this);
        }

        return _defaultEncoderWriter;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Separator()
    {
        if (_comma)
        {
            _buffer[_written++] = (byte)',';
        }
    }

    /// <summary>Writes <c>,"name":</c> (the comma when needed), with room for <paramref name="then"/> more bytes.</summary>
    private void Name(JsonEncodedText name, int then)
    {
        var utf8 = name.EncodedUtf8Bytes;
        Ensure(utf8.Length + 4 + then);
        var buffer = _buffer;
        var at = _written;
        if (_comma)
        {
            buffer[at++] = (byte)',';
        }

        buffer[at++] = (byte)'"';
        utf8.CopyTo(buffer.AsSpan(at));
        at += utf8.Length;
        buffer[at++] = (byte)'"';
        buffer[at++] = (byte)':';
        _written = at;
        _comma = false;
    }

    /// <summary>Writes <paramref name="text"/> quoted and escaped, leaving room for one more byte.</summary>
    private void Quoted(ReadOnlySpan<char> text)
    {
        var plain = _defaultEncoder ? DefaultPlain : RelaxedPlain;
        Ensure(text.Length + 3);
        _buffer[_written++] = (byte)'"';
        while (true)
        {
            var special = text.IndexOfAnyExcept(plain);
            var run = special < 0 ? text : text.Slice(0, special);
            Ensure(run.Length + 2);
            Ascii.FromUtf16(run, _buffer.AsSpan(_written), out var narrowed);
            _written += narrowed;
            if (special < 0)
            {
                break;
            }

            text = text.Slice(special + Escape(text.Slice(special)));
        }

        _buffer[_written++] = (byte)'"';
    }

    /// <summary>Writes the first char(s) of <paramref name="text"/>, one that is not plain ASCII; returns how many chars it took.</summary>
    private int Escape(ReadOnlySpan<char> text)
    {
        Ensure(13);
        var c = text[0];
        switch (c)
        {
            case '\b':
                return Short('b');
            case '\t':
                return Short('t');
            case '\n':
                return Short('n');
            case '\f':
                return Short('f');
            case '\r':
                return Short('r');
            case '\\':
                return Short('\\');
            case '"' when !_defaultEncoder:
                return Short('"');
        }

        if (c < 0x80)
        {
            Unicode(c);
            return 1;
        }

        if (char.IsSurrogate(c))
        {
            if (char.IsHighSurrogate(c) && text.Length > 1 && char.IsLowSurrogate(text[1]))
            {
                Unicode(c);
                Unicode(text[1]);
                return 2;
            }

            Unicode('\uFFFD');
            return 1;
        }

        if (_defaultEncoder)
        {
            Unicode(c);
            return 1;
        }

        // The library's encoder writes most non-ASCII as it is: take the whole run it leaves alone at once.
        var encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        var length = 0;
        while (length < text.Length && text[length] >= 0x80 && !char.IsSurrogate(text[length]) && !encoder.WillEncode(text[length]))
        {
            length++;
        }

        if (length == 0)
        {
            Unicode(c);
            return 1;
        }

        var run = text.Slice(0, length);
        Ensure((length * 3) + 2);
        _written += Encoding.UTF8.GetBytes(run, _buffer.AsSpan(_written));
        return length;
    }

    private int Short(char escaped)
    {
        _buffer[_written++] = (byte)'\\';
        _buffer[_written++] = (byte)escaped;
        return 1;
    }

    private void Unicode(char c)
    {
        var buffer = _buffer;
        var at = _written;
        var hex = Hex;
        buffer[at] = (byte)'\\';
        buffer[at + 1] = (byte)'u';
        buffer[at + 2] = hex[c >> 12];
        buffer[at + 3] = hex[(c >> 8) & 0xF];
        buffer[at + 4] = hex[(c >> 4) & 0xF];
        buffer[at + 5] = hex[c & 0xF];
        _written = at + 6;
    }
}

/// <summary>The chain writer's calls made on a <see cref="PooledWriter"/>'s raw writer.</summary>
internal readonly struct RawJsonSink : IJsonSink
{
    private readonly PooledWriter _w;

    public RawJsonSink(PooledWriter writer) => _w = writer;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StartObject() => _w.RawStartObject();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StartObject(JsonEncodedText name) => _w.RawStartObject(name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndObject() => _w.RawEndObject();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StartArray(JsonEncodedText name) => _w.RawStartArray(name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndArray() => _w.RawEndArray();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PropertyName(JsonEncodedText name) => _w.RawPropertyName(name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PropertyName(string name) => _w.RawPropertyName(name);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void String(JsonEncodedText name, string value) => _w.RawString(name, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StringValue(string value) => _w.RawStringValue(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Number(JsonEncodedText name, double value) => _w.RawNumber(name, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Number(JsonEncodedText name, long value) => _w.RawNumber(name, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Number(ReadOnlySpan<byte> utf8Name, long value) => _w.RawNumber(utf8Name, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Boolean(JsonEncodedText name, bool value) => _w.RawBoolean(name, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void RawValue(byte[] utf8Json) => _w.RawValue(utf8Json);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Value(JsonElement value) => _w.RawValue(value);
}
#endif
