#if NET
using System;
using System.Buffers;
using System.Buffers.Text;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    /// <summary>For each ASCII char, whether it is written as it is (the default encoder also escapes HTML-sensitive ones).</summary>
    private static readonly bool[] RelaxedPlain = PlainAscii(string.Empty);
    private static readonly bool[] DefaultPlain = PlainAscii("&'+<>`");

    private bool _comma;
    private bool _defaultEncoder;
    private Utf8JsonWriter? _defaultEncoderWriter;

    private static ReadOnlySpan<byte> Hex => "0123456789ABCDEF"u8;

    private static bool[] PlainAscii(string alsoEscaped)
    {
        var plain = new bool[128];
        for (var c = ' '; c < '\x7F'; c++)
        {
            plain[c] = c is not '"' and not '\\' && alsoEscaped.IndexOf(c) < 0;
        }

        return plain;
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
        Room(2);
        var at = _written;
        if (_comma)
        {
            _buffer[at++] = (byte)',';
        }

        _buffer[at] = (byte)'{';
        _written = at + 1;
        _comma = false;
    }

    public void RawStartObject(JsonEncodedText name)
    {
        Room(name.EncodedUtf8Bytes.Length + 5);
        var at = Member(name);
        _buffer[at] = (byte)'{';
        _written = at + 1;
    }

    public void RawEndObject()
    {
        Room(1);
        _buffer[_written++] = (byte)'}';
        _comma = true;
    }

    public void RawStartArray(JsonEncodedText name)
    {
        Room(name.EncodedUtf8Bytes.Length + 5);
        var at = Member(name);
        _buffer[at] = (byte)'[';
        _written = at + 1;
    }

    public void RawEndArray()
    {
        Room(1);
        _buffer[_written++] = (byte)']';
        _comma = true;
    }

    public void RawPropertyName(JsonEncodedText name)
    {
        Room(name.EncodedUtf8Bytes.Length + 4);
        _written = Member(name);
    }

    public void RawPropertyName(string name)
    {
        if (name.Length > LongestRawString)
        {
            Value(static (writer, text) => writer.WritePropertyName(text), name);
            _comma = false;
            return;
        }

        Room(name.Length + 4);
        var at = _written;
        if (_comma)
        {
            _buffer[at++] = (byte)',';
        }

        Quoted(at, name);
        _buffer[_written++] = (byte)':';
        _comma = false;
    }

    public void RawString(JsonEncodedText name, string value)
    {
        if (value.Length > LongestRawString)
        {
            RawPropertyName(name);
            RawStringValue(value);
            return;
        }

        Room(name.EncodedUtf8Bytes.Length + value.Length + 7);
        Quoted(Member(name), value);
        _comma = true;
    }

    public void RawString(JsonEncodedText name, JsonConstant value)
    {
        var quoted = value.QuotedUtf8;
        Room(name.EncodedUtf8Bytes.Length + 4 + quoted.Length);
        var at = Member(name);
        CopySmall(quoted, _buffer, at);
        _written = at + quoted.Length;
        _comma = true;
    }

    public void RawStringValue(string value)
    {
        if (value.Length > LongestRawString)
        {
            Value(static (writer, text) => writer.WriteStringValue(text), value);
            return;
        }

        Room(value.Length + 4);
        var at = _written;
        if (_comma)
        {
            _buffer[at++] = (byte)',';
        }

        Quoted(at, value);
        _comma = true;
    }

    public void RawMessage(JsonRole role, string content)
    {
        if (content.Length > LongestRawString)
        {
            RawStartObject();
            RawString(RequestWriter.Names.Role, role.Value);
            RawString(RequestWriter.Names.Content, content);
            RawEndObject();
            return;
        }

        var opening = role.Opening;
        Room(opening.Length + content.Length + 4);
        var at = _written;
        if (_comma)
        {
            _buffer[at++] = (byte)',';
        }

        CopySmall(opening, _buffer, at);
        Quoted(at + opening.Length, content);
        _buffer[_written++] = (byte)'}';
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

        Room(name.EncodedUtf8Bytes.Length + 4 + 32);
        var at = Member(name);
        var destination = _buffer.AsSpan(at);
        if (!TryFormatShortDecimal(value, destination, out var written))
        {
            Utf8Formatter.TryFormat(value, destination, out written);
        }

        _written = at + written;
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
        var rounded = Math.Round(value);
        if (Math.Abs(rounded) < Limit)
        {
            if (rounded == value)
            {
                written = WriteDecimal((ulong)Math.Abs(rounded), 0, double.IsNegative(value), destination);
                return true;
            }

            var scale = 1.0;
            for (var digits = 1; digits <= 4; digits++)
            {
                scale *= 10;
                var scaled = Math.Round(value * scale);
                if (Math.Abs(scaled) >= Limit)
                {
                    break;
                }

                if (scaled / scale == value)
                {
                    written = WriteDecimal((ulong)Math.Abs(scaled), digits, double.IsNegative(value), destination);
                    return true;
                }
            }
        }

        written = 0;
        return false;
    }

    /// <summary>
    /// Writes <paramref name="units"/> / 10^<paramref name="fractionDigits"/> in decimal, with exactly that many
    /// fraction digits (none: an integer); returns the length.
    /// </summary>
    private static int WriteDecimal(ulong units, int fractionDigits, bool negative, Span<byte> destination)
    {
        var integral = units;
        for (var i = 0; i < fractionDigits; i++)
        {
            integral /= 10;
        }

        var length = negative ? 2 : 1;
        for (var rest = integral / 10; rest != 0; rest /= 10)
        {
            length++;
        }

        if (fractionDigits > 0)
        {
            length += fractionDigits + 1;
        }

        // From the last digit backwards.
        var at = length;
        for (var i = 0; i < fractionDigits; i++)
        {
            destination[--at] = (byte)('0' + (units % 10));
            units /= 10;
        }

        if (fractionDigits > 0)
        {
            destination[--at] = (byte)'.';
        }

        do
        {
            destination[--at] = (byte)('0' + (units % 10));
            units /= 10;
        }
        while (units != 0);

        if (negative)
        {
            destination[0] = (byte)'-';
        }

        return length;
    }

    /// <summary>Writes an integer as <see cref="Utf8JsonWriter"/> does: invariant digits, '-' when negative.</summary>
    private static int WriteInteger(long value, Span<byte> destination) =>
        WriteDecimal(value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value, 0, value < 0, destination);

    public void RawNumber(JsonEncodedText name, long value)
    {
        Room(name.EncodedUtf8Bytes.Length + 4 + 20);
        var at = Member(name);
        _written = at + WriteInteger(value, _buffer.AsSpan(at));
        _comma = true;
    }

    /// <summary>A member named by an integer in decimal.</summary>
    public void RawNumber(int name, long value)
    {
        Room(11 + 4 + 20);
        var buffer = _buffer;
        var at = _written;
        if (_comma)
        {
            buffer[at++] = (byte)',';
        }

        buffer[at++] = (byte)'"';
        at += WriteInteger(name, buffer.AsSpan(at));
        buffer[at++] = (byte)'"';
        buffer[at++] = (byte)':';
        _written = at + WriteInteger(value, buffer.AsSpan(at));
        _comma = true;
    }

    public void RawBoolean(JsonEncodedText name, bool value)
    {
        Room(name.EncodedUtf8Bytes.Length + 4 + 5);
        var at = Member(name);
        var literal = value ? "true"u8 : "false"u8;
        CopySmall(literal, _buffer, at);
        _written = at + literal.Length;
        _comma = true;
    }

    public void RawValue(byte[] utf8Json)
    {
        Room(utf8Json.Length + 1);
        if (_comma)
        {
            _buffer[_written++] = (byte)',';
        }

        utf8Json.CopyTo(_buffer, _written);
        _written += utf8Json.Length;
        _comma = true;
    }

    public void RawValue(JsonElement value) => Value(static (writer, element) => element.WriteTo(writer), value);

    /// <summary>Writes one value with a <see cref="Utf8JsonWriter"/> of the same encoder, into this buffer.</summary>
    private void Value<T>(Action<Utf8JsonWriter, T> write, T value)
    {
        Room(1);
        if (_comma)
        {
            _buffer[_written++] = (byte)',';
        }

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

    /// <summary>Makes room for <paramref name="bytes"/> more bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Room(int bytes)
    {
        if (_buffer.Length - _written < bytes)
        {
            Ensure(bytes);
        }
    }

    /// <summary>Writes <c>,"name":</c> (the comma when needed) at the end, in the room made for it; returns the new end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Member(JsonEncodedText name)
    {
        var utf8 = name.EncodedUtf8Bytes;
        var buffer = _buffer;
        var at = _written;
        if (_comma)
        {
            buffer[at++] = (byte)',';
        }

        buffer[at++] = (byte)'"';
        CopySmall(utf8, buffer, at);
        at += utf8.Length;
        buffer[at] = (byte)'"';
        buffer[at + 1] = (byte)':';
        _comma = false;
        return at + 2;
    }

    /// <summary>Copies a few bytes (a name, a constant) without a call; <paramref name="buffer"/> has room.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopySmall(ReadOnlySpan<byte> source, byte[] buffer, int at)
    {
        var length = source.Length;
        if (length is 0 or > 32 || buffer.Length - at < length)
        {
            source.CopyTo(buffer.AsSpan(at));
            return;
        }

        // Two overlapping moves of the largest size that fits cover the whole length.
        ref var from = ref MemoryMarshal.GetReference(source);
        ref var to = ref buffer[at];
        if (length >= 16)
        {
            Vector128.LoadUnsafe(ref from).StoreUnsafe(ref to);
            Vector128.LoadUnsafe(ref from, (nuint)(length - 16)).StoreUnsafe(ref to, (nuint)(length - 16));
        }
        else if (length >= 8)
        {
            Move<ulong>(ref from, ref to, length);
        }
        else if (length >= 4)
        {
            Move<uint>(ref from, ref to, length);
        }
        else if (length >= 2)
        {
            Move<ushort>(ref from, ref to, length);
        }
        else
        {
            to = from;
        }
    }

    /// <summary>Copies <paramref name="length"/> bytes (one to two <typeparamref name="T"/>s) as a head and a tail.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Move<T>(ref byte from, ref byte to, int length)
        where T : unmanaged
    {
        var head = Unsafe.ReadUnaligned<T>(ref from);
        var tail = Unsafe.ReadUnaligned<T>(ref Unsafe.Add(ref from, length - Unsafe.SizeOf<T>()));
        Unsafe.WriteUnaligned(ref to, head);
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref to, length - Unsafe.SizeOf<T>()), tail);
    }

    /// <summary>
    /// Writes <paramref name="text"/> quoted and escaped from <paramref name="at"/>, where room was made for the text
    /// as it is, its quotes and one more byte (the escapes make their own room); sets the end after it.
    /// </summary>
    private void Quoted(int at, ReadOnlySpan<char> text)
    {
        var buffer = _buffer;
        buffer[at++] = (byte)'"';
        var plain = NarrowPlain(text, buffer.AsSpan(at), _defaultEncoder);
        at += plain;
        if (plain == text.Length)
        {
            buffer[at] = (byte)'"';
            _written = at + 1;
            return;
        }

        _written = at;
        text = text.Slice(plain);
        while (!text.IsEmpty)
        {
            text = text.Slice(Escape(text));
            Room(text.Length + 2);
            plain = NarrowPlain(text, _buffer.AsSpan(_written), _defaultEncoder);
            _written += plain;
            text = text.Slice(plain);
        }

        _buffer[_written++] = (byte)'"';
    }

    /// <summary>
    /// Copies the leading chars of <paramref name="text"/> that are written as they are (plain ASCII, see
    /// <see cref="RelaxedPlain"/>) to <paramref name="destination"/>, a byte each, up to the first one that is not;
    /// returns how many. <paramref name="destination"/> has room for all of <paramref name="text"/>.
    /// </summary>
    private static int NarrowPlain(ReadOnlySpan<char> text, Span<byte> destination, bool defaultEncoder)
    {
        var length = text.Length;
        if (destination.Length < length)
        {
            throw new ArgumentException("No room for the text.", nameof(destination));
        }

        var i = 0;
        if (Vector128.IsHardwareAccelerated && length >= Vector128<ushort>.Count)
        {
            // Eight chars at a time; the last block overlaps the one before it instead of leaving a tail.
            ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            ref var target = ref MemoryMarshal.GetReference(destination);
            var last = length - Vector128<ushort>.Count;
            while (true)
            {
                var chars = Vector128.LoadUnsafe(ref source, (nuint)i);
                if (!IsPlain(chars, defaultEncoder))
                {
                    break;
                }

                Unsafe.WriteUnaligned(ref Unsafe.Add(ref target, i), Vector128.Narrow(chars, chars).AsUInt64().ToScalar());
                if (i == last)
                {
                    return length;
                }

                i = Math.Min(i + Vector128<ushort>.Count, last);
            }
        }

        var plain = defaultEncoder ? DefaultPlain : RelaxedPlain;
        for (; i < length; i++)
        {
            var c = text[i];
            if (c >= 0x80 || !plain[c])
            {
                break;
            }

            destination[i] = (byte)c;
        }

        return i;
    }

    /// <summary>Whether all eight chars are written as they are.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsPlain(Vector128<ushort> chars, bool defaultEncoder)
    {
        // Printable ASCII is 0x20 to 0x7E: below 0x5F once 0x20 is taken off (smaller chars wrap around to large).
        var printable = Vector128.LessThan(chars - Vector128.Create((ushort)0x20), Vector128.Create((ushort)0x5F));
        var escaped = Vector128.Equals(chars, Vector128.Create((ushort)'"')) | Vector128.Equals(chars, Vector128.Create((ushort)'\\'));
        if (defaultEncoder)
        {
            escaped |= Vector128.Equals(chars, Vector128.Create((ushort)'&')) | Vector128.Equals(chars, Vector128.Create((ushort)'\''))
                | Vector128.Equals(chars, Vector128.Create((ushort)'+')) | Vector128.Equals(chars, Vector128.Create((ushort)'<'))
                | Vector128.Equals(chars, Vector128.Create((ushort)'>')) | Vector128.Equals(chars, Vector128.Create((ushort)'`'));
        }

        return Vector128.AndNot(printable, escaped) == Vector128<ushort>.AllBitsSet;
    }

    /// <summary>Writes the first char(s) of <paramref name="text"/>, one that is not plain ASCII; returns how many chars it took.</summary>
    private int Escape(ReadOnlySpan<char> text)
    {
        Room(12);
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
        Room(length * 3);
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
    public void String(JsonEncodedText name, JsonConstant value) => _w.RawString(name, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void StringValue(string value) => _w.RawStringValue(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Message(JsonRole role, string content) => _w.RawMessage(role, content);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Number(JsonEncodedText name, double value) => _w.RawNumber(name, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Number(JsonEncodedText name, long value) => _w.RawNumber(name, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Number(int name, long value) => _w.RawNumber(name, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Boolean(JsonEncodedText name, bool value) => _w.RawBoolean(name, value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void RawValue(byte[] utf8Json) => _w.RawValue(utf8Json);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Value(JsonElement value) => _w.RawValue(value);
}
#endif
