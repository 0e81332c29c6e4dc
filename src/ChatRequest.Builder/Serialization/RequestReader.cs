using System;
using System.Collections.Generic;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace ChatRequest.Serialization;

/// <summary>
/// Reads a request body into the model in one pass over a <see cref="Utf8JsonReader"/>: the path behind every
/// <c>FromJson</c> and <c>FromJsonAsync</c>. Known members are matched on their UTF-8 names; members the model does not
/// know are kept as <see cref="JsonElement"/>s at every level; explicit JSON nulls are recorded on their object (so a
/// parsed body is written back unchanged); a member given twice is an error; the <c>role</c> or <c>type</c> that tells a
/// message, part or tool apart may come anywhere in its object.
/// </summary>
/// <remarks>
/// It reads what the source-generated contract (<see cref="ChatJsonContext"/> with <see cref="ChatJson.Options"/>)
/// read, and ReaderAgreementTests holds both to the same results on thousands of bodies, apart from three deliberate
/// differences: a tool's <c>tool_name</c> is kept (the serializer dropped it), and numbers beyond a double and strings
/// with an unpaired surrogate escape are refused (the serializer accepted them, then could not write the request).
/// Every error is a <see cref="JsonException"/> whose <see cref="JsonException.Path"/> is the member at fault, or, as
/// the serializer reported it, the object whose discriminator is wrong. The path is kept as a small stack of frames (a
/// member name's offset in the body, or an array index) and only made into text for an error.
/// </remarks>
internal ref partial struct RequestReader
{
    /// <summary>Frames kept for error paths; the model nests at most seven members deep, unknown values add none.</summary>
    private const int FrameCapacity = 24;

    private readonly ReadOnlySpan<byte> _body;
    private readonly Span<long> _frames;
    private readonly int _maxDepth;
    private Utf8JsonReader _r;
    private int _depth;
    private byte[]? _scratch;

    private RequestReader(ReadOnlySpan<byte> body, int maxDepth, Span<long> frames)
    {
        _body = body;
        _maxDepth = maxDepth;
        _frames = frames;
        _r = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = maxDepth });
        _depth = 0;
        _scratch = null;
    }

    /// <summary>Parses a whole body, within the limits of <paramref name="options"/>.</summary>
    /// <exception cref="JsonException">The body is not JSON, does not fit the model, or is beyond a limit.</exception>
    public static CreateChatCompletionRequest Read(ReadOnlySpan<byte> body, ChatRequestReadOptions options)
    {
        ReadLimits.CheckLength(body.Length, options);
        Span<long> frames = stackalloc long[FrameCapacity];
        var reader = new RequestReader(body, options.MaxDepth, frames);
        try
        {
            return reader.ReadBody();
        }
        catch (JsonException ex) when (ex.Path is null)
        {
            // From Utf8JsonReader (syntax, depth) or JsonElement.Parse (a duplicate inside an unknown value):
            // errors of this reader always carry a path.
            throw reader.Foreign(ex, options);
        }
        catch (InvalidOperationException ex)
        {
            // GetString and CopyString on a string that is not valid UTF-8, or holds a lone \uD800-\uDFFF escape.
            throw reader.BadText(ex);
        }
        finally
        {
            reader.ReturnScratch();
        }
    }

    private CreateChatCompletionRequest ReadBody()
    {
        if (!_r.Read())
        {
            throw Error("is empty; expected a JSON object with 'model' and 'messages'.");
        }

        if (_r.TokenType == JsonTokenType.Null)
        {
            throw Error("is JSON null; expected an object with 'model' and 'messages'.");
        }

        if (_r.TokenType != JsonTokenType.StartObject)
        {
            throw Mismatch("a JSON object with 'model' and 'messages'");
        }

        var request = ReadRequest();

        // Only white space may follow; Utf8JsonReader throws for anything else.
        _r.Read();
        return request;
    }

    // ---- Tokens ----------------------------------------------------------------------------------------------

    /// <summary>Moves to the next token; the body is complete, so the reader itself throws if the JSON ends early.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Next()
    {
        if (!_r.Read())
        {
            throw Error("ends in the middle of a JSON value.");
        }
    }

    /// <summary>Moves to the next member of the current object: true at its name, false at the object's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool NextMember()
    {
        Next();
        return _r.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Moves to the next element of the current array: true at its first token, false at the array's end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool NextElement()
    {
        Next();
        return _r.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>The current member name (or string), unescaped: the body's own bytes unless it holds escapes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ReadOnlySpan<byte> Name() => _r.ValueIsEscaped ? Unescape(ref _r) : _r.ValueSpan;

    /// <summary>
    /// The unescaped text of <paramref name="reader"/>'s current string or member name, in the scratch array. The
    /// reader is always over one span of the body, so values are never split across segments.
    /// </summary>
    private ReadOnlySpan<byte> Unescape(scoped ref Utf8JsonReader reader)
    {
        var length = reader.ValueSpan.Length;
        if (_scratch is null || _scratch.Length < length)
        {
            ReturnScratch();
            _scratch = System.Buffers.ArrayPool<byte>.Shared.Rent(Math.Max(length, 64));
        }

        var written = reader.CopyString(_scratch);
        return new ReadOnlySpan<byte>(_scratch, 0, written);
    }

    private void ReturnScratch()
    {
        if (_scratch is { } scratch)
        {
            _scratch = null;
            System.Buffers.ArrayPool<byte>.Shared.Return(scratch);
        }
    }

    /// <summary>The current string value (known members only: strict about UTF-8 and escapes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private string StringValue() => _r.GetString()!;

    /// <summary>The key of an unknown member. Invalid UTF-8 in it is an error: kept, it could not be written back as sent.</summary>
    private string MemberKey()
    {
        var raw = _r.ValueIsEscaped ? Unescape(ref _r) : _r.ValueSpan;
        if (raw.Length == 0)
        {
            return string.Empty;
        }

        if (!IsValidUtf8(raw))
        {
            throw Error("has a member name that is not valid UTF-8.");
        }

        return Utf8ToString(raw);
    }

    /// <summary>True when <paramref name="utf8"/> is well-formed UTF-8 (no lone surrogate bytes, no overlong forms).</summary>
    private static bool IsValidUtf8(ReadOnlySpan<byte> utf8)
    {
#if NET
        return System.Text.Unicode.Utf8.IsValid(utf8);
#else
        foreach (var b in utf8)
        {
            if (b >= 0x80)
            {
                try
                {
                    _ = StrictUtf8.GetCharCount(utf8.ToArray());
                    return true;
                }
                catch (DecoderFallbackException)
                {
                    return false;
                }
            }
        }

        return true;
#endif
    }

#if !NET
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
#endif

    /// <summary>Decodes UTF-8 leniently (invalid bytes become U+FFFD), as the serializer decodes unknown member names.</summary>
    private static string Utf8ToString(ReadOnlySpan<byte> utf8) =>
#if NET
        Encoding.UTF8.GetString(utf8);
#else
        Encoding.UTF8.GetString(utf8.ToArray());
#endif

    // ---- Paths -----------------------------------------------------------------------------------------------

    /// <summary>Enters the value of the current member (the reader is at its name).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PushMember()
    {
        if (_depth < FrameCapacity)
        {
            _frames[_depth] = ~_r.TokenStartIndex;
        }

        _depth++;
    }

    /// <summary>Enters an array's elements; <see cref="SetIndex"/> moves along them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void PushIndex()
    {
        if (_depth < FrameCapacity)
        {
            _frames[_depth] = 0;
        }

        _depth++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SetIndex(int index)
    {
        if (_depth <= FrameCapacity)
        {
            _frames[_depth - 1] = index;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Pop() => _depth--;

    /// <summary>The JSON path of the current frame, as System.Text.Json writes paths (<c>$.messages[0].content</c>).</summary>
    private string Path() => Path(_depth);

    /// <summary>The JSON path of the first <paramref name="depth"/> frames.</summary>
    private string Path(int depth)
    {
        var path = new StringBuilder("$");
        var count = Math.Min(depth, FrameCapacity);
        for (var i = 0; i < count; i++)
        {
            var frame = _frames[i];
            if (frame >= 0)
            {
                path.Append('[').Append(frame.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                AppendMember(path, NameAt(~frame));
            }
        }

        return path.ToString();
    }

    /// <summary>The member name whose opening quote is at <paramref name="offset"/> in the body.</summary>
    private string NameAt(long offset)
    {
        if (offset < 0 || offset >= _body.Length)
        {
            return "?";
        }

        var reader = new Utf8JsonReader(_body.Slice((int)offset), new JsonReaderOptions { MaxDepth = 1 });
        try
        {
            if (reader.Read() && reader.TokenType == JsonTokenType.String)
            {
                return reader.ValueIsEscaped ? reader.GetString()! : Utf8ToString(reader.ValueSpan);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // A name with a bad escape: shown by its raw bytes.
            return Utf8ToString(reader.ValueSpan);
        }

        return "?";
    }

    private static void AppendMember(StringBuilder path, string name)
    {
        // A member name can be anything a client sent, secrets included: a long one is cut, as values are in messages.
        var plain = name.Length <= ChatRequest.Validation.ChatRules.MaxQuotedLength;
        if (!plain)
        {
            name = name.Substring(0, ChatRequest.Validation.ChatRules.MaxQuotedLength) + "…(" + name.Length.ToString(CultureInfo.InvariantCulture) + " characters)";
        }

        foreach (var c in plain ? name : string.Empty)
        {
            if (c is '.' or ' ' or '\'' or '/' or '"' or '[' or ']' or '(' or ')' or '\\' or '\t' or '\n' or '\r' or '\f' or '\b' or '\u0085' or '\u2028' or '\u2029')
            {
                plain = false;
                break;
            }
        }

        if (plain)
        {
            path.Append('.').Append(name);
        }
        else
        {
            path.Append("['").Append(name.Replace("'", "\\'")).Append("']");
        }
    }

    // ---- Errors ----------------------------------------------------------------------------------------------

    /// <summary>How a message names the value at <paramref name="path"/>: <c>messages[0].role</c>, or the body itself.</summary>
    private static string Subject(string path) =>
        path == "$" ? "the request body" : path.StartsWith("$.", StringComparison.Ordinal) ? path.Substring(2) : path.Substring(1);

    private static string Capitalized(string text) => text.Length > 0 && char.IsLower(text[0]) && text.StartsWith("the ", StringComparison.Ordinal) ? "T" + text.Substring(1) : text;

    /// <summary>An error about the current value: <paramref name="sentence"/> follows its subject (<c>messages[0] has no 'role'</c>).</summary>
    private JsonException Error(string sentence)
    {
        var path = Path();
        return new JsonException(Capitalized(Subject(path)) + " " + sentence, path, null, null);
    }

    /// <summary>The current value has the wrong kind: "… must be {expected}, but is {what it is}".</summary>
    private JsonException Mismatch(string expected) => Mismatch(ref _r, Path(), expected);

    private static JsonException Mismatch(ref Utf8JsonReader reader, string path, string expected) =>
        new(Capitalized(Subject(path)) + " must be " + expected + ", but is " + Describe(ref reader) + ".", path, null, null);

    private const string TwiceRule = "A body must not give a member twice: a gateway would check one value while the server uses the other.";

    private const string DollarRule =
        "member names starting with '$' are reserved for metadata in an object whose kind its 'role' or 'type' tells (a message, content part, tool, tool call, response format or custom tool format).";

    private JsonException Duplicate() => Error("is given twice. " + TwiceRule);

    private JsonException Foreign(JsonException inner, ChatRequestReadOptions options)
    {
        var path = Path();
        if (ReadLimits.FindDepthViolation(_body, _maxDepth, out var offset))
        {
            return ReadLimits.DepthExceeded(options, path, offset, inner);
        }

        // System.Text.Json quotes names whole ("Duplicate property '...'"), and a hostile body's names can be secrets:
        // long quotes are cut, and then the inner exception, which holds the whole text, is left out.
        var message = CutQuotes(inner.Message);
        return new JsonException("Cannot read " + Subject(path) + ": " + message, path, inner.LineNumber, inner.BytePositionInLine, ReferenceEquals(message, inner.Message) ? inner : null);
    }

    /// <summary><paramref name="message"/> with every '...' quote longer than an excerpt cut; the same instance when none is.</summary>
    private static string CutQuotes(string message)
    {
        const int Max = ChatRequest.Validation.ChatRules.MaxQuotedLength;
        StringBuilder? cut = null;
        var copied = 0;
        for (var open = message.IndexOf('\''); open >= 0 && open + 1 < message.Length; open = message.IndexOf('\'', open + 1))
        {
            var close = message.IndexOf('\'', open + 1);
            if (close < 0)
            {
                break;
            }

            var length = close - open - 1;
            if (length > Max)
            {
                cut ??= new StringBuilder(message.Length);
                cut.Append(message, copied, open + 1 + Max - copied).Append("…(").Append(length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
                copied = close;
            }

            open = close;
        }

        return cut is null ? message : cut.Append(message, copied, message.Length - copied).ToString();
    }

    private JsonException BadText(InvalidOperationException inner)
    {
        var path = Path();
        return new JsonException(
            Capitalized(Subject(path)) + " holds text that is not valid UTF-8, or a \\u escape of a UTF-16 surrogate without its pair: " + inner.Message,
            path,
            null,
            null,
            inner);
    }

    /// <summary>What the reader's current value is, for a message: <c>the number 1.5</c>, <c>an object</c>, ...</summary>
    private static string Describe(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return "an object";
            case JsonTokenType.StartArray:
                return "an array";
            case JsonTokenType.String:
                return "the string \"" + Excerpt(ref reader) + "\"";
            case JsonTokenType.Number:
                return "the number " + Excerpt(ref reader);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Null:
                return "null";
            default:
                return reader.TokenType.ToString();
        }
    }

    /// <summary>The raw text of a string or number value, cut to 40 characters.</summary>
    private static string Excerpt(ref Utf8JsonReader reader)
    {
        const int Max = 40;
        var raw = reader.ValueSpan;
        var text = Utf8ToString(raw.Length > Max * 4 ? raw.Slice(0, Max * 4) : raw);
        return text.Length > Max ? text.Substring(0, Max) + "..." : text;
    }

    // ---- Values ------------------------------------------------------------------------------------------------

    /// <summary>A string member: a JSON string, or null (recorded on <paramref name="owner"/>).</summary>
    private string? String(JsonModel owner, string jsonName)
    {
        if (_r.TokenType == JsonTokenType.String)
        {
            return StringValue();
        }

        if (_r.TokenType == JsonTokenType.Null)
        {
            owner.MarkExplicitNull(jsonName);
            return null;
        }

        throw Mismatch("a string or null");
    }

    /// <summary>A string that must not be null (a member of a union's object form).</summary>
    private string RequiredString()
    {
        if (_r.TokenType == JsonTokenType.String)
        {
            return StringValue();
        }

        throw Mismatch("a string");
    }

    private double? Number(JsonModel owner, string jsonName)
    {
        if (_r.TokenType == JsonTokenType.Number && _r.TryGetDouble(out var value) && !double.IsInfinity(value) && !double.IsNaN(value))
        {
            return value;
        }

        if (_r.TokenType == JsonTokenType.Null)
        {
            owner.MarkExplicitNull(jsonName);
            return null;
        }

        throw Mismatch(_r.TokenType == JsonTokenType.Number ? "a number within the range of a double" : "a number or null");
    }

    private int? Int(JsonModel owner, string jsonName)
    {
        if (_r.TokenType == JsonTokenType.Number && _r.TryGetInt32(out var value))
        {
            return value;
        }

        if (_r.TokenType == JsonTokenType.Null)
        {
            owner.MarkExplicitNull(jsonName);
            return null;
        }

        throw Mismatch("an integer from -2147483648 to 2147483647, or null");
    }

    private long? Long(JsonModel owner, string jsonName)
    {
        if (_r.TokenType == JsonTokenType.Number && _r.TryGetInt64(out var value))
        {
            return value;
        }

        if (_r.TokenType == JsonTokenType.Null)
        {
            owner.MarkExplicitNull(jsonName);
            return null;
        }

        throw Mismatch("an integer from -9223372036854775808 to 9223372036854775807, or null");
    }

    private bool? Bool(JsonModel owner, string jsonName)
    {
        switch (_r.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                owner.MarkExplicitNull(jsonName);
                return null;
            default:
                throw Mismatch("true, false or null");
        }
    }

    /// <summary>A member holding any JSON value (a JSON Schema); null is recorded on <paramref name="owner"/>.</summary>
    private JsonElement? Element(JsonModel owner, string jsonName)
    {
        if (_r.TokenType == JsonTokenType.Null)
        {
            owner.MarkExplicitNull(jsonName);
            return null;
        }

        return Capture();
    }

    /// <summary>
    /// True at an object, false (and the null recorded on <paramref name="owner"/>) at null; anything else is an
    /// error that says an object or null was expected.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ObjectOrNull(JsonModel owner, string jsonName)
    {
        if (_r.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        if (_r.TokenType == JsonTokenType.Null)
        {
            owner.MarkExplicitNull(jsonName);
            return false;
        }

        throw Mismatch("an object or null");
    }

    /// <summary>True at an array, false (and the null recorded) at null; anything else is an error.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool ArrayOrNull(JsonModel owner, string jsonName)
    {
        if (_r.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }

        if (_r.TokenType == JsonTokenType.Null)
        {
            owner.MarkExplicitNull(jsonName);
            return false;
        }

        throw Mismatch("an array or null");
    }

    /// <summary>Records the member <paramref name="id"/> as read, or fails when it was read before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Once(ref ulong seen, int id)
    {
        var bit = 1UL << id;
        if ((seen & bit) != 0)
        {
            throw Duplicate();
        }

        seen |= bit;
    }

    // ---- Unknown members ---------------------------------------------------------------------------------------

    /// <summary>
    /// Keeps the current member (the reader is at its name) in <see cref="JsonModel.AdditionalProperties"/>.
    /// <paramref name="polymorphic"/>: the object's kind is told by a discriminator, and, as with System.Text.Json, a
    /// member name starting with <c>$</c> is then reserved for metadata and refused.
    /// </summary>
    private void AddExtra(JsonModel owner, bool polymorphic)
    {
        var key = MemberKey();
        PushMember();
        if (polymorphic && key.Length > 0 && key[0] == '$')
        {
            throw Error("is not allowed: " + DollarRule);
        }

        Next();
        var value = Capture();
        var extras = owner.AdditionalProperties;
        if (extras is null)
        {
            extras = new Dictionary<string, JsonElement>();
            owner.AdditionalProperties = extras;
        }
        else if (extras.ContainsKey(key))
        {
            // Checked after the value, as the serializer does: an error inside the value comes first.
            throw Duplicate();
        }

        extras.Add(key, value);
        Pop();
    }

    /// <summary>
    /// The current value (the reader is at its first token) as a <see cref="JsonElement"/> of its own; the reader ends
    /// at its last token. Strings with escapes are checked (a lone surrogate escape would make the value unwritable),
    /// and a member given twice in any object inside is an error, as in the rest of the body.
    /// </summary>
    private JsonElement Capture()
    {
        var start = (int)_r.TokenStartIndex;
        switch (_r.TokenType)
        {
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                var depth = _r.CurrentDepth;
                while (true)
                {
                    Next();
                    if (_r.CurrentDepth == depth)
                    {
                        break;
                    }

                    CheckText();
                }

                break;
            case JsonTokenType.String:
                CheckText();
                break;
        }

        var value = _body.Slice(start, (int)_r.BytesConsumed - start);
        return JsonElement.Parse(value, new JsonDocumentOptions { MaxDepth = _maxDepth, AllowDuplicateProperties = false });
    }

    /// <summary>
    /// Fails for a string or member name of a kept value that is not valid text: invalid UTF-8 (the reader does not
    /// check the bytes of strings it does not decode) or escapes that leave a surrogate unpaired.
    /// </summary>
    private void CheckText()
    {
        if (_r.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName))
        {
            return;
        }

        if (!IsValidUtf8(_r.ValueSpan))
        {
            throw Error("holds a string that is not valid UTF-8.");
        }

        if (_r.ValueIsEscaped)
        {
            CheckEscapes();
        }
    }

    /// <summary>
    /// Fails for a string or member name whose <c>\u</c> escapes leave a UTF-16 surrogate unpaired. The reader has
    /// already checked the escapes' syntax.
    /// </summary>
    private void CheckEscapes()
    {
        var text = _r.ValueSpan;
        var pendingHigh = false;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != (byte)'\\')
            {
                if (pendingHigh)
                {
                    break;
                }

                continue;
            }

            i++;
            if (text[i] != (byte)'u')
            {
                if (pendingHigh)
                {
                    break;
                }

                continue;
            }

            var unit = (Hex(text[i + 1]) << 12) | (Hex(text[i + 2]) << 8) | (Hex(text[i + 3]) << 4) | Hex(text[i + 4]);
            i += 4;
            var isHigh = unit is >= 0xD800 and <= 0xDBFF;
            var isLow = unit is >= 0xDC00 and <= 0xDFFF;
            if (pendingHigh)
            {
                if (!isLow)
                {
                    break;
                }

                pendingHigh = false;
            }
            else if (isLow)
            {
                throw LoneSurrogate();
            }
            else
            {
                pendingHigh = isHigh;
            }
        }

        if (pendingHigh)
        {
            throw LoneSurrogate();
        }
    }

    private JsonException LoneSurrogate() =>
        Error("holds " + Describe(ref _r) + ", with a \\u escape of a UTF-16 surrogate without its pair; such a string cannot be turned into text.");

    private static int Hex(byte digit) => digit <= (byte)'9' ? digit - '0' : (digit | 0x20) - 'a' + 10;
}
