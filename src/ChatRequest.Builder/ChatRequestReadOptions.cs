using System;
using System.Globalization;

namespace ChatRequest;

/// <summary>
/// Limits that <see cref="CreateChatCompletionRequest.FromJson(string, ChatRequestReadOptions?)"/> and its overloads
/// apply to a body before and while they read it. A gateway that parses bodies from other programs sets them to
/// bound the memory and work one body can cost.
/// </summary>
/// <remarks>
/// <para>
/// The defaults fit every real request: <see cref="MaxDepth"/> 64 is far deeper than any body the API accepts needs
/// (JSON Schemas in tool parameters nest a few levels; the request itself at most seven), and <see cref="MaxBytes"/>
/// 64 MiB leaves room for several base64-encoded images, audio clips or files in one body.
/// </para>
/// <para>
/// A body beyond a limit is a <see cref="System.Text.Json.JsonException"/> whose message names the option, its value,
/// what the body had, and how to raise the limit. Instances are immutable once made, so one can be shared by all
/// threads; <see cref="Default"/> is such a shared instance.
/// </para>
/// </remarks>
public sealed class ChatRequestReadOptions
{
    /// <summary>The highest <see cref="MaxDepth"/> accepted, so that no body can exhaust the stack.</summary>
    internal const int MaxDepthCeiling = 1000;

    /// <summary>The default <see cref="MaxDepth"/>: 64 levels.</summary>
    internal const int DefaultMaxDepth = 64;

    /// <summary>The default <see cref="MaxBytes"/>: 64 MiB.</summary>
    internal const long DefaultMaxBytes = 64L * 1024 * 1024;

    private readonly int _maxDepth = DefaultMaxDepth;
    private readonly long _maxBytes = DefaultMaxBytes;

    /// <summary>
    /// The default limits (<see cref="MaxDepth"/> 64, <see cref="MaxBytes"/> 64 MiB): what the overloads without
    /// options, and those given <c>null</c>, use. The instance is shared and cannot change.
    /// </summary>
    public static ChatRequestReadOptions Default { get; } = new();

    /// <summary>
    /// The deepest nesting of JSON objects and arrays accepted, counting the body's own object as level 1; from 1 to
    /// 1,000. Default 64: a chat request itself nests at most seven levels (a grammar inside a custom tool), and the
    /// JSON Schemas of tool parameters and response formats rarely add more than ten.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1 or more than 1,000.</exception>
    public int MaxDepth
    {
        get => _maxDepth;
        init
        {
            if (value < 1 || value > MaxDepthCeiling)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(MaxDepth),
                    value,
                    "ChatRequestReadOptions.MaxDepth must be from 1 to " + MaxDepthCeiling.ToString(CultureInfo.InvariantCulture) + " (levels of nested JSON objects and arrays), but is " + value.ToString(CultureInfo.InvariantCulture) + ".");
            }

            _maxDepth = value;
        }
    }

    /// <summary>
    /// The largest body accepted, in UTF-8 bytes; at least 1. Default 64 MiB (67,108,864 bytes), room for several
    /// base64-encoded images or files. A stream is read only until it has passed this limit, so no more than about
    /// this many bytes are ever buffered. A body must also fit in one array (under 2 GiB), whatever the limit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is less than 1.</exception>
    public long MaxBytes
    {
        get => _maxBytes;
        init
        {
            if (value < 1)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(MaxBytes),
                    value,
                    "ChatRequestReadOptions.MaxBytes must be at least 1 (bytes of UTF-8 JSON), but is " + value.ToString(CultureInfo.InvariantCulture) + ".");
            }

            _maxBytes = value;
        }
    }
}
