using System;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace ChatRequest.Serialization;

/// <summary>
/// The serializer settings of the request model: for the builder's snapshots, for callers of the source-generated
/// contract, and for the tests that hold the hand-written <see cref="RequestReader"/> and <see cref="RequestWriter"/> to it.
/// </summary>
internal static class ChatJson
{
    /// <summary>Deepest nesting of JSON text given to the builder, and of the contract's reads: the default read limit.</summary>
    public const int MaxDepth = ChatRequestReadOptions.DefaultMaxDepth;

    /// <summary>Options: the source-generated context plus the modifier that keeps explicit nulls.</summary>
    public static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>
    /// Nesting any model object may have: a body read with the highest <see cref="ChatRequestReadOptions.MaxDepth"/>,
    /// plus room for the request around a value. Used where the library handles what it has already read or built.
    /// </summary>
    public const int ModelMaxDepth = ChatRequestReadOptions.MaxDepthCeiling + 16;

    /// <summary><see cref="Options"/> for copying model objects the library holds (builder snapshots), at any depth a body may have.</summary>
    public static readonly JsonSerializerOptions CopyOptions = CreateCopyOptions();

    /// <summary>Document options for comparing bodies the library wrote.</summary>
    public static readonly JsonDocumentOptions CompareOptions = new() { MaxDepth = ModelMaxDepth };

    public static readonly JsonTypeInfo<CreateChatCompletionRequest> RequestInfo =
        (JsonTypeInfo<CreateChatCompletionRequest>)Options.GetTypeInfo(typeof(CreateChatCompletionRequest));

    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = Options.Encoder,
        Indented = false,
        SkipValidation = true,
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(ChatJsonContext.Default.Options)
        {
            TypeInfoResolver = ChatJsonContext.Default.WithAddedModifier(KeepExplicitNulls),
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,

            // A gateway must not validate one value while the server reads another.
            AllowDuplicateProperties = false,
        };

        // 1e400 would be read as infinity, which ToJson() cannot write.
        options.Converters.Add(new FiniteDoubleConverter());

        // Schemas and unknown members are kept as JsonElement; their strings must be text ToJson() can write.
        options.Converters.Add(new CheckedElementConverter());
        options.MakeReadOnly();
        return options;
    }

    private static JsonSerializerOptions CreateCopyOptions()
    {
        var options = new JsonSerializerOptions(Options) { MaxDepth = ModelMaxDepth };
        options.MakeReadOnly();
        return options;
    }

    /// <summary>
    /// Records a member read as JSON null on its <see cref="JsonModel"/>, and writes such members back as null,
    /// so that a parsed body round-trips unchanged while unset members stay omitted.
    /// </summary>
    private static void KeepExplicitNulls(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !typeof(JsonModel).IsAssignableFrom(info.Type))
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            var set = property.Set;
            if (property.IsExtensionData || set is null || property.PropertyType.IsValueType && Nullable.GetUnderlyingType(property.PropertyType) is null)
            {
                continue;
            }

            var name = property.Name;
            property.Set = (target, value) =>
            {
                if (value is null)
                {
                    ((JsonModel)target).MarkExplicitNull(name);
                }
                else
                {
                    ((JsonModel)target).ClearExplicitNull(name);
                }

                set(target, value);
            };

            var shouldSerialize = property.ShouldSerialize;
            property.ShouldSerialize = (target, value) =>
                value is null ? ((JsonModel)target).IsExplicitNull(name) : shouldSerialize is null || shouldSerialize(target, value);
        }
    }

    /// <summary>
    /// Parses a whole body with <see cref="JsonSerializer"/> and the source-generated contract: how <c>FromJson</c> read
    /// before <see cref="RequestReader"/>. Kept as the reference the reader is tested against.
    /// </summary>
    public static CreateChatCompletionRequest ReadWithContract(ReadOnlySpan<byte> utf8)
    {
        try
        {
            return NotNull(JsonSerializer.Deserialize(utf8, RequestInfo));
        }
        catch (Exception ex) when (IsModelMismatch(ex))
        {
            throw Wrap(ex);
        }
    }

    public static CreateChatCompletionRequest NotNull(CreateChatCompletionRequest? request) =>
        request ?? throw new JsonException("The request body is JSON null; expected an object with 'model' and 'messages'.", "$", null, null);

    /// <summary>Exceptions System.Text.Json throws for well-formed JSON that does not fit the model.</summary>
    public static bool IsModelMismatch(Exception ex) =>
        ex is NotSupportedException or InvalidOperationException or InvalidCastException or FormatException or OverflowException
            or ArgumentException;

    public static JsonException Wrap(Exception ex) =>
        new("The JSON does not fit the Chat Completions request model: " + ex.Message, ExtractPath(ex.Message), null, null, ex);

    private static string? ExtractPath(string message)
    {
        const string Marker = "Path: ";
        var at = message.IndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var start = at + Marker.Length;
        var end = message.IndexOf(' ', start);
        var path = end < 0 ? message.Substring(start) : message.Substring(start, end - start);
        return path.TrimEnd('.', '|');
    }
}
