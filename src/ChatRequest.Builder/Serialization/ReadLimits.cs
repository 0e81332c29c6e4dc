using System;
using System.Globalization;
using System.Text.Json;

namespace ChatRequest.Serialization;

/// <summary>The errors of a body beyond a <see cref="ChatRequestReadOptions"/> limit, and the checks behind them.</summary>
internal static class ReadLimits
{
    /// <summary>The longest array .NET makes; a body must fit in one, whatever <see cref="ChatRequestReadOptions.MaxBytes"/> says.</summary>
    public const int MaxArrayLength = 0x7FFFFFC7;

    /// <summary>Throws when a body of <paramref name="byteCount"/> UTF-8 bytes is over the limit.</summary>
    public static void CheckLength(long byteCount, ChatRequestReadOptions options)
    {
        if (byteCount > options.MaxBytes)
        {
            throw TooLarge(options, "the body has " + Bytes(byteCount));
        }

        if (byteCount > MaxArrayLength)
        {
            throw TooLargeForArray();
        }
    }

    /// <summary>A body over <see cref="ChatRequestReadOptions.MaxBytes"/>; <paramref name="seen"/> says how large it was.</summary>
    public static JsonException TooLarge(ChatRequestReadOptions options, string seen) =>
        new(
            "The request body is larger than ChatRequestReadOptions.MaxBytes allows: the limit is " + Bytes(options.MaxBytes) + ", and " + seen
                + ". To accept larger bodies, pass a ChatRequestReadOptions with a higher MaxBytes (new ChatRequestReadOptions { MaxBytes = ... }) to FromJson or FromJsonAsync.",
            "$",
            null,
            null);

    /// <summary>A body that cannot fit in one array, whatever the limit.</summary>
    public static JsonException TooLargeForArray() =>
        new("The request body is larger than " + Bytes(MaxArrayLength) + ", the most one .NET array holds; such a body cannot be read.", "$", null, null);

    /// <summary>A body nested deeper than <see cref="ChatRequestReadOptions.MaxDepth"/>.</summary>
    /// <param name="options">The limits in force.</param>
    /// <param name="path">Where the reader was (the JSON path of the member holding the deep value).</param>
    /// <param name="offset">The byte offset of the first object or array beyond the limit.</param>
    /// <param name="inner">The reader's own error, if any.</param>
    public static JsonException DepthExceeded(ChatRequestReadOptions options, string? path, long offset, Exception? inner) =>
        new(
            "The request body nests JSON objects and arrays deeper than ChatRequestReadOptions.MaxDepth allows: the limit is "
                + options.MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels of depth, and level " + (options.MaxDepth + 1).ToString(CultureInfo.InvariantCulture)
                + " begins at byte offset " + offset.ToString(CultureInfo.InvariantCulture) + (path is null ? string.Empty : ", inside " + path)
                + ". To accept deeper nesting, pass a ChatRequestReadOptions with a higher MaxDepth (new ChatRequestReadOptions { MaxDepth = ... }, at most "
                + ChatRequestReadOptions.MaxDepthCeiling.ToString(CultureInfo.InvariantCulture) + ") to FromJson or FromJsonAsync.",
            path ?? "$",
            null,
            null,
            inner);

    /// <summary>
    /// True when <paramref name="utf8"/> opens an object or array deeper than <paramref name="maxDepth"/> before its
    /// first syntax error, if any; <paramref name="offset"/> is where. Used after a read failed, to tell a depth error
    /// from other errors without depending on the reader's message.
    /// </summary>
    public static bool FindDepthViolation(ReadOnlySpan<byte> utf8, int maxDepth, out long offset)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= maxDepth)
                {
                    offset = reader.TokenStartIndex;
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            // A syntax error before any level beyond the limit: not a depth error.
        }

        offset = 0;
        return false;
    }

    /// <summary>A byte count as <c>67,108,864 bytes (64 MiB)</c>.</summary>
    public static string Bytes(long count)
    {
        var text = count.ToString("N0", CultureInfo.InvariantCulture) + (count == 1 ? " byte" : " bytes");
        const long MiB = 1024 * 1024;
        return count >= MiB && count % MiB == 0 ? text + " (" + (count / MiB).ToString(CultureInfo.InvariantCulture) + " MiB)" : text;
    }
}
