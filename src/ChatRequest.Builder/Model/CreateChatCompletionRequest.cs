using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
#if NET
using System.Text.Encodings.Web;
#endif
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ChatRequest.Serialization;
using ChatRequest.Validation;

namespace ChatRequest;

/// <summary>
/// The body of a Chat Completions request (<c>POST /v1/chat/completions</c>), with every field of the API.
/// Build one with <see cref="Chat.With(string)"/>, or parse one with <see cref="FromJson(string)"/>.
/// </summary>
/// <remarks>
/// The model is a plain data object: every member is public, unset members are not written, and members the model
/// does not know are kept in <see cref="JsonModel.AdditionalProperties"/>. A request returned by
/// <see cref="ChatRequestBuilder.Build"/> shares no mutable state with its builder or with the caller's arguments.
/// </remarks>
public sealed class CreateChatCompletionRequest : JsonModel, IEquatable<CreateChatCompletionRequest>
{
    [ThreadStatic]
    private static CreateChatCompletionRequest? t_loading;

    // A request built from a chain that needed no object model is written straight from that chain; the object
    // model (_data and the base's members) is made from it on first access. See Load().
    private ChatRequestBuilder? _chain;
    private RequestData? _data;

    /// <summary>Creates an empty request; set at least <see cref="Model"/> and <see cref="Messages"/>.</summary>
    public CreateChatCompletionRequest()
    {
    }

    internal CreateChatCompletionRequest(ChatRequestBuilder chain)
    {
        _chain = chain;
    }

    /// <summary>The chain this request is written from while its object model has not been made yet.</summary>
    internal ChatRequestBuilder? PendingChain => Volatile.Read(ref _chain);

    /// <summary><c>model</c> (required): the model id, e.g. <c>gpt-4o</c>.</summary>
    public string? Model
    {
        get
        {
            EnsureLoaded();
            return _data?.Model;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Model = value;
        }
    }

    /// <summary><c>messages</c> (required, at least one): the conversation so far.</summary>
    public IList<ChatMessage>? Messages
    {
        get
        {
            EnsureLoaded();
            return _data?.Messages;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Messages = value;
        }
    }

    /// <summary><c>audio</c>: voice and format of spoken output; needed when <see cref="Modalities"/> holds <c>audio</c>.</summary>
    public AudioOutputOptions? Audio
    {
        get
        {
            EnsureLoaded();
            return _data?.Audio;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Audio = value;
        }
    }

    /// <summary><c>frequency_penalty</c>: -2 to 2; positive values discourage repeating frequent tokens.</summary>
    public double? FrequencyPenalty
    {
        get
        {
            EnsureLoaded();
            return _data?.FrequencyPenalty;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).FrequencyPenalty = value;
        }
    }

    /// <summary><c>function_call</c> (deprecated; use <see cref="ToolChoice"/>).</summary>
    public FunctionCallOption? FunctionCall
    {
        get
        {
            EnsureLoaded();
            return _data?.FunctionCall;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).FunctionCall = value;
        }
    }

    /// <summary><c>functions</c> (deprecated; use <see cref="Tools"/>): 1 to 128 functions.</summary>
    public IList<FunctionDefinition>? Functions
    {
        get
        {
            EnsureLoaded();
            return _data?.Functions;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Functions = value;
        }
    }

    /// <summary><c>logit_bias</c>: token id (as a string of digits) to a bias from -100 to 100.</summary>
    public IDictionary<string, int>? LogitBias
    {
        get
        {
            EnsureLoaded();
            return _data?.LogitBias;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).LogitBias = value;
        }
    }

    /// <summary><c>logprobs</c>: return the log-probability of each output token.</summary>
    public bool? Logprobs
    {
        get
        {
            EnsureLoaded();
            return _data?.Logprobs;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Logprobs = value;
        }
    }

    /// <summary><c>max_completion_tokens</c>: upper limit on generated tokens, reasoning tokens included.</summary>
    public int? MaxCompletionTokens
    {
        get
        {
            EnsureLoaded();
            return _data?.MaxCompletionTokens;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).MaxCompletionTokens = value;
        }
    }

    /// <summary><c>max_tokens</c> (deprecated; use <see cref="MaxCompletionTokens"/>).</summary>
    public int? MaxTokens
    {
        get
        {
            EnsureLoaded();
            return _data?.MaxTokens;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).MaxTokens = value;
        }
    }

    /// <summary><c>metadata</c>: up to 16 string pairs; keys up to 64, values up to 512 characters.</summary>
    public IDictionary<string, string>? Metadata
    {
        get
        {
            EnsureLoaded();
            return _data?.Metadata;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Metadata = value;
        }
    }

    /// <summary><c>modalities</c>: output kinds, <c>text</c> and/or <c>audio</c>.</summary>
    public IList<string>? Modalities
    {
        get
        {
            EnsureLoaded();
            return _data?.Modalities;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Modalities = value;
        }
    }

    /// <summary><c>moderation</c>: moderation of input and output.</summary>
    public ModerationOptions? Moderation
    {
        get
        {
            EnsureLoaded();
            return _data?.Moderation;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Moderation = value;
        }
    }

    /// <summary><c>n</c>: number of choices, 1 to 128.</summary>
    public int? N
    {
        get
        {
            EnsureLoaded();
            return _data?.N;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).N = value;
        }
    }

    /// <summary><c>parallel_tool_calls</c>: allow several tool calls in one turn (only with tools).</summary>
    public bool? ParallelToolCalls
    {
        get
        {
            EnsureLoaded();
            return _data?.ParallelToolCalls;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).ParallelToolCalls = value;
        }
    }

    /// <summary><c>prediction</c>: text the answer will mostly repeat.</summary>
    public Prediction? Prediction
    {
        get
        {
            EnsureLoaded();
            return _data?.Prediction;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Prediction = value;
        }
    }

    /// <summary><c>presence_penalty</c>: -2 to 2; positive values push towards new topics.</summary>
    public double? PresencePenalty
    {
        get
        {
            EnsureLoaded();
            return _data?.PresencePenalty;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).PresencePenalty = value;
        }
    }

    /// <summary><c>prompt_cache_key</c>: a caching hint that groups similar requests.</summary>
    public string? PromptCacheKey
    {
        get
        {
            EnsureLoaded();
            return _data?.PromptCacheKey;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).PromptCacheKey = value;
        }
    }

    /// <summary><c>prompt_cache_options</c>: prompt-cache breakpoint settings.</summary>
    public PromptCacheOptions? PromptCacheOptions
    {
        get
        {
            EnsureLoaded();
            return _data?.PromptCacheOptions;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).PromptCacheOptions = value;
        }
    }

    /// <summary><c>prompt_cache_retention</c> (deprecated; use <see cref="PromptCacheOptions"/>): <c>in_memory</c> or <c>24h</c>.</summary>
    public string? PromptCacheRetention
    {
        get
        {
            EnsureLoaded();
            return _data?.PromptCacheRetention;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).PromptCacheRetention = value;
        }
    }

    /// <summary><c>reasoning_effort</c>: none, minimal, low, medium, high, xhigh or max (reasoning models).</summary>
    public string? ReasoningEffort
    {
        get
        {
            EnsureLoaded();
            return _data?.ReasoningEffort;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).ReasoningEffort = value;
        }
    }

    /// <summary><c>response_format</c>: text, JSON mode or a JSON Schema.</summary>
    public ResponseFormat? ResponseFormat
    {
        get
        {
            EnsureLoaded();
            return _data?.ResponseFormat;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).ResponseFormat = value;
        }
    }

    /// <summary><c>safety_identifier</c>: a stable id of the end user (at most 64 characters), ideally a hash.</summary>
    public string? SafetyIdentifier
    {
        get
        {
            EnsureLoaded();
            return _data?.SafetyIdentifier;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).SafetyIdentifier = value;
        }
    }

    /// <summary><c>seed</c> (deprecated): best-effort repeatable sampling.</summary>
    public long? Seed
    {
        get
        {
            EnsureLoaded();
            return _data?.Seed;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Seed = value;
        }
    }

    /// <summary><c>service_tier</c>: auto, default, flex, scale, priority or fast.</summary>
    public string? ServiceTier
    {
        get
        {
            EnsureLoaded();
            return _data?.ServiceTier;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).ServiceTier = value;
        }
    }

    /// <summary><c>stop</c>: up to 4 sequences that end generation.</summary>
    public StopSequences? Stop
    {
        get
        {
            EnsureLoaded();
            return _data?.Stop;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Stop = value;
        }
    }

    /// <summary><c>store</c>: keep the completion for distillation and evals.</summary>
    public bool? Store
    {
        get
        {
            EnsureLoaded();
            return _data?.Store;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Store = value;
        }
    }

    /// <summary><c>stream</c>: send the answer as server-sent events.</summary>
    public bool? Stream
    {
        get
        {
            EnsureLoaded();
            return _data?.Stream;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Stream = value;
        }
    }

    /// <summary><c>stream_options</c>: options of a streamed answer (only with <see cref="Stream"/>).</summary>
    public StreamOptions? StreamOptions
    {
        get
        {
            EnsureLoaded();
            return _data?.StreamOptions;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).StreamOptions = value;
        }
    }

    /// <summary><c>temperature</c>: 0 to 2; sampling randomness. Set this or <see cref="TopP"/>, not both.</summary>
    public double? Temperature
    {
        get
        {
            EnsureLoaded();
            return _data?.Temperature;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Temperature = value;
        }
    }

    /// <summary><c>tool_choice</c>: whether and which tool the model must call.</summary>
    public ToolChoice? ToolChoice
    {
        get
        {
            EnsureLoaded();
            return _data?.ToolChoice;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).ToolChoice = value;
        }
    }

    /// <summary><c>tools</c>: function and custom tools the model may call.</summary>
    public IList<ChatTool>? Tools
    {
        get
        {
            EnsureLoaded();
            return _data?.Tools;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Tools = value;
        }
    }

    /// <summary><c>top_logprobs</c>: 0 to 20 alternatives per token (needs <see cref="Logprobs"/>).</summary>
    public int? TopLogprobs
    {
        get
        {
            EnsureLoaded();
            return _data?.TopLogprobs;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).TopLogprobs = value;
        }
    }

    /// <summary><c>top_p</c>: 0 to 1; nucleus sampling. Set this or <see cref="Temperature"/>, not both.</summary>
    public double? TopP
    {
        get
        {
            EnsureLoaded();
            return _data?.TopP;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).TopP = value;
        }
    }

    /// <summary><c>user</c> (deprecated; use <see cref="SafetyIdentifier"/> and <see cref="PromptCacheKey"/>).</summary>
    public string? User
    {
        get
        {
            EnsureLoaded();
            return _data?.User;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).User = value;
        }
    }

    /// <summary><c>verbosity</c>: low, medium or high.</summary>
    public string? Verbosity
    {
        get
        {
            EnsureLoaded();
            return _data?.Verbosity;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).Verbosity = value;
        }
    }

    /// <summary><c>web_search_options</c>: settings of the web search tool.</summary>
    public WebSearchOptions? WebSearchOptions
    {
        get
        {
            EnsureLoaded();
            return _data?.WebSearchOptions;
        }

        set
        {
            EnsureLoaded();
            (_data ??= new RequestData()).WebSearchOptions = value;
        }
    }

    /// <summary>The cheap test every member runs first: nothing to do once the object model exists.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureLoaded()
    {
        if (Volatile.Read(ref _chain) is not null)
        {
            Load();
        }
    }

    /// <summary>Makes the object model from the chain, once, before any member is read or changed.</summary>
    private protected override void Load()
    {
        var chain = Volatile.Read(ref _chain);
        if (chain is null || ReferenceEquals(t_loading, this))
        {
            return;
        }

        lock (chain)
        {
            if (_chain is null)
            {
                return;
            }

            var previous = t_loading;
            t_loading = this;
            try
            {
                chain.ReplayInto(this);
            }
            finally
            {
                t_loading = previous;
            }

            Volatile.Write(ref _chain, null);
        }
    }

    /// <summary>Takes over the whole state of <paramref name="source"/> (a freshly made copy nobody else holds).</summary>
    internal void AdoptFrom(CreateChatCompletionRequest source)
    {
        _data = source._data;
        CopyBaseStateFrom(source);
    }

    /// <summary>The members' storage, made on first write so that a request written from its chain stays small.</summary>
    private sealed class RequestData
    {
        public string? Model;
        public IList<ChatMessage>? Messages;
        public AudioOutputOptions? Audio;
        public double? FrequencyPenalty;
        public FunctionCallOption? FunctionCall;
        public IList<FunctionDefinition>? Functions;
        public IDictionary<string, int>? LogitBias;
        public bool? Logprobs;
        public int? MaxCompletionTokens;
        public int? MaxTokens;
        public IDictionary<string, string>? Metadata;
        public IList<string>? Modalities;
        public ModerationOptions? Moderation;
        public int? N;
        public bool? ParallelToolCalls;
        public Prediction? Prediction;
        public double? PresencePenalty;
        public string? PromptCacheKey;
        public PromptCacheOptions? PromptCacheOptions;
        public string? PromptCacheRetention;
        public string? ReasoningEffort;
        public ResponseFormat? ResponseFormat;
        public string? SafetyIdentifier;
        public long? Seed;
        public string? ServiceTier;
        public StopSequences? Stop;
        public bool? Store;
        public bool? Stream;
        public StreamOptions? StreamOptions;
        public double? Temperature;
        public ToolChoice? ToolChoice;
        public IList<ChatTool>? Tools;
        public int? TopLogprobs;
        public double? TopP;
        public string? User;
        public string? Verbosity;
        public WebSearchOptions? WebSearchOptions;
    }

    // ---- Validation ----------------------------------------------------------------------------------------

    /// <summary>
    /// Checks the request against every rule the request alone can decide, and returns all problems found
    /// (errors, warnings and information), without throwing. An empty list means the request is fine.
    /// </summary>
    /// <returns>The problems, in the order of the JSON body.</returns>
    public IReadOnlyList<ValidationProblem> Validate() =>
        PendingChain is { } chain && ChatRequestBuilder.ValidateCheckedChain(chain) is { } problems
            ? problems
            : RequestValidator.Validate(this);

    /// <summary>True when <see cref="Validate"/> finds no error (warnings and information are allowed).</summary>
    /// <returns>True when the API would accept the request, as far as the request alone can tell.</returns>
    public bool IsValid()
    {
        foreach (var problem in Validate())
        {
            if (problem.Severity == ProblemSeverity.Error)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A builder that continues this request: <c>request.ToBuilder().User("next question").Build()</c>. The builder
    /// holds a copy, so changing this request later does not change it.
    /// </summary>
    /// <returns>The builder.</returns>
    public ChatRequestBuilder ToBuilder() => ChatRequestBuilder.From(this);

    // ---- JSON out ------------------------------------------------------------------------------------------

    /// <summary>The request as a compact JSON string.</summary>
    /// <returns>The JSON body.</returns>
    public string ToJson() => WritePooled(static pooled => pooled.ToUtf16String());

    /// <summary>The request as compact UTF-8 JSON bytes.</summary>
    /// <returns>The JSON body.</returns>
    public byte[] ToUtf8Bytes() => WritePooled(static pooled => pooled.ToArray());

    private T WritePooled<T>(Func<PooledWriter, T> result)
    {
        var pooled = PooledWriter.Rent();
        try
        {
            WriteInto(pooled);
            return result(pooled);
        }
        finally
        {
            pooled.Return();
        }
    }

    /// <summary>Writes the body into <paramref name="pooled"/>'s own buffer, escaped as the library's encoder escapes.</summary>
    private void WriteInto(PooledWriter pooled)
    {
#if NET
        if (PendingChain is { } chain)
        {
            pooled.StartRaw(defaultEncoder: false);
            chain.WriteChain(new RawJsonSink(pooled));
            return;
        }
#endif
        var writer = pooled.Json();
        RequestWriter.Write(writer, this);
        writer.Flush();
    }

#if NET
    /// <summary>
    /// Whether the raw writer gives the bytes <paramref name="writer"/> would write: not indented, room below its
    /// depth limit for any body, and an encoder whose rules the raw writer follows. Null when it does not; otherwise
    /// whether that encoder is System.Text.Json's default (else it is the library's).
    /// </summary>
    private static bool? RawEscapingFor(Utf8JsonWriter writer)
    {
        // A chain's body nests at most an extra member's value (parsed with ChatJson.MaxDepth) below its own object,
        // so a writer with this much room would not refuse it for depth either.
        const int DeepestBody = ChatJson.MaxDepth + 8;
        const int DefaultMaxDepth = 1000;
        var options = writer.Options;
        var maxDepth = options.MaxDepth == 0 ? DefaultMaxDepth : options.MaxDepth;
        if (options.Indented || writer.CurrentDepth + DeepestBody > maxDepth)
        {
            return null;
        }

        return options.Encoder switch
        {
            null => true,
            var encoder when ReferenceEquals(encoder, JavaScriptEncoder.Default) => true,
            var encoder when ReferenceEquals(encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) => false,
            _ => null,
        };
    }
#endif

    /// <summary>
    /// Writes the request as JSON to <paramref name="writer"/>, with no intermediate string. The writer's own options
    /// (indentation, escaping) apply; the caller flushes it.
    /// </summary>
    /// <param name="writer">The JSON writer.</param>
    public void WriteTo(Utf8JsonWriter writer)
    {
        if (writer is null)
        {
            throw new ArgumentNullException(nameof(writer));
        }

#if NET
        // Written from the chain into a pooled buffer without Utf8JsonWriter's per-call costs, then handed over whole.
        if (PendingChain is { } chain && RawEscapingFor(writer) is { } defaultEncoder)
        {
            var pooled = PooledWriter.Rent();
            try
            {
                pooled.StartRaw(defaultEncoder);
                chain.WriteChain(new RawJsonSink(pooled));
                writer.WriteRawValue(pooled.WrittenSpan, skipInputValidation: true);
            }
            finally
            {
                pooled.Return();
            }

            return;
        }
#endif
        RequestWriter.Write(writer, this);
    }

    /// <summary>Writes the request as UTF-8 JSON to <paramref name="destination"/>, with no intermediate string.</summary>
    /// <param name="destination">The buffer to write to.</param>
    public void WriteTo(IBufferWriter<byte> destination)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        var pooled = PooledWriter.Rent();
        try
        {
#if NET
            if (PendingChain is not null)
            {
                WriteInto(pooled);
                for (var body = pooled.WrittenSpan; !body.IsEmpty;)
                {
                    // In the pieces the destination offers, as Utf8JsonWriter would.
                    var span = destination.GetSpan(Math.Min(body.Length, 1 << 16));
                    var length = Math.Min(span.Length, body.Length);
                    body.Slice(0, length).CopyTo(span);
                    destination.Advance(length);
                    body = body.Slice(length);
                }

                return;
            }
#endif
            var writer = pooled.Json(destination);
            RequestWriter.Write(writer, this);
            writer.Flush();
        }
        finally
        {
            pooled.Return();
        }
    }

    /// <summary>Writes the request as UTF-8 JSON to <paramref name="destination"/>, with no intermediate string.</summary>
    /// <param name="destination">The stream to write to; it is flushed, not closed.</param>
    public void WriteTo(Stream destination)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        var pooled = PooledWriter.Rent();
        try
        {
#if NET
            if (PendingChain is not null)
            {
                WriteInto(pooled);
                destination.Write(pooled.WrittenSpan);
                destination.Flush();
                return;
            }
#endif
            var writer = pooled.Json(destination);
            RequestWriter.Write(writer, this);
            writer.Flush();
        }
        finally
        {
            pooled.Return();
        }
    }

    /// <summary>Writes the request as UTF-8 JSON to <paramref name="destination"/> asynchronously.</summary>
    /// <param name="destination">The stream to write to; it is flushed, not closed.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the body is written.</returns>
    public async Task WriteToAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        if (destination is null)
        {
            throw new ArgumentNullException(nameof(destination));
        }

        var body = ToUtf8Bytes();
#if NET
        await destination.WriteAsync(body.AsMemory(), cancellationToken).ConfigureAwait(false);
#else
        await destination.WriteAsync(body, 0, body.Length, cancellationToken).ConfigureAwait(false);
#endif
        await destination.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    // ---- JSON in -------------------------------------------------------------------------------------------

    /// <summary>
    /// Parses a request body within the <see cref="ChatRequestReadOptions.Default"/> limits (64 levels of nesting,
    /// 64 MiB). Members the model does not know are kept.
    /// </summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The request; call <see cref="Validate"/> to check it.</returns>
    /// <exception cref="JsonException">The text is not JSON, a member has the wrong type, or the body is beyond a limit; the message names its path.</exception>
    public static CreateChatCompletionRequest FromJson(string json) => FromJson(json, null);

    /// <summary>Parses a request body within the given limits. Members the model does not know are kept.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The limits; null for <see cref="ChatRequestReadOptions.Default"/>.</param>
    /// <returns>The request; call <see cref="Validate"/> to check it.</returns>
    /// <exception cref="JsonException">
    /// The text is not JSON, a member has the wrong type, or the body is beyond a limit; the message names its path
    /// (or the limit, and how to raise it).
    /// </exception>
    public static CreateChatCompletionRequest FromJson(string json, ChatRequestReadOptions? options)
    {
        if (json is null)
        {
            throw new ArgumentNullException(nameof(json));
        }

        var limits = options ?? ChatRequestReadOptions.Default;
        var body = BodyBuffer.FromString(json, limits);
        try
        {
            return RequestReader.Read(body.Span, limits);
        }
        finally
        {
            body.Dispose();
        }
    }

    /// <summary>
    /// Parses a UTF-8 request body within the <see cref="ChatRequestReadOptions.Default"/> limits. Members the model
    /// does not know are kept.
    /// </summary>
    /// <param name="utf8Json">The UTF-8 JSON bytes.</param>
    /// <returns>The request; call <see cref="Validate"/> to check it.</returns>
    /// <exception cref="JsonException">The bytes are not JSON, a member has the wrong type, or the body is beyond a limit; the message names its path.</exception>
    public static CreateChatCompletionRequest FromJson(ReadOnlySpan<byte> utf8Json) => FromJson(utf8Json, null);

    /// <summary>Parses a UTF-8 request body within the given limits. Members the model does not know are kept.</summary>
    /// <param name="utf8Json">The UTF-8 JSON bytes.</param>
    /// <param name="options">The limits; null for <see cref="ChatRequestReadOptions.Default"/>.</param>
    /// <returns>The request; call <see cref="Validate"/> to check it.</returns>
    /// <exception cref="JsonException">
    /// The bytes are not JSON, a member has the wrong type, or the body is beyond a limit; the message names its path
    /// (or the limit, and how to raise it).
    /// </exception>
    public static CreateChatCompletionRequest FromJson(ReadOnlySpan<byte> utf8Json, ChatRequestReadOptions? options) =>
        RequestReader.Read(utf8Json, options ?? ChatRequestReadOptions.Default);

    /// <summary>
    /// Parses a UTF-8 request body from a stream within the <see cref="ChatRequestReadOptions.Default"/> limits.
    /// Members the model does not know are kept.
    /// </summary>
    /// <param name="utf8Json">The stream, read to its end.</param>
    /// <returns>The request; call <see cref="Validate"/> to check it.</returns>
    /// <exception cref="JsonException">The stream is not JSON, a member has the wrong type, or the body is beyond a limit; the message names its path.</exception>
    public static CreateChatCompletionRequest FromJson(Stream utf8Json) => FromJson(utf8Json, null);

    /// <summary>
    /// Parses a UTF-8 request body from a stream within the given limits. Members the model does not know are kept.
    /// The stream is read only until it passes <see cref="ChatRequestReadOptions.MaxBytes"/>.
    /// </summary>
    /// <param name="utf8Json">The stream, read to its end.</param>
    /// <param name="options">The limits; null for <see cref="ChatRequestReadOptions.Default"/>.</param>
    /// <returns>The request; call <see cref="Validate"/> to check it.</returns>
    /// <exception cref="JsonException">
    /// The stream is not JSON, a member has the wrong type, or the body is beyond a limit; the message names its path
    /// (or the limit, and how to raise it).
    /// </exception>
    public static CreateChatCompletionRequest FromJson(Stream utf8Json, ChatRequestReadOptions? options)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        var limits = options ?? ChatRequestReadOptions.Default;
        var body = BodyBuffer.FromStream(utf8Json, limits);
        try
        {
            return RequestReader.Read(body.Span, limits);
        }
        finally
        {
            body.Dispose();
        }
    }

    /// <summary>
    /// Parses a UTF-8 request body from a stream asynchronously, within the <see cref="ChatRequestReadOptions.Default"/>
    /// limits. Members the model does not know are kept.
    /// </summary>
    /// <param name="utf8Json">The stream, read to its end.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The request; call <see cref="Validate"/> to check it.</returns>
    /// <exception cref="JsonException">The stream is not JSON, a member has the wrong type, or the body is beyond a limit; the message names its path.</exception>
    public static Task<CreateChatCompletionRequest> FromJsonAsync(Stream utf8Json, CancellationToken cancellationToken = default) =>
        FromJsonAsync(utf8Json, null, cancellationToken);

    /// <summary>
    /// Parses a UTF-8 request body from a stream asynchronously, within the given limits. Members the model does not
    /// know are kept. The stream is read only until it passes <see cref="ChatRequestReadOptions.MaxBytes"/>.
    /// </summary>
    /// <param name="utf8Json">The stream, read to its end.</param>
    /// <param name="options">The limits; null for <see cref="ChatRequestReadOptions.Default"/>.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The request; call <see cref="Validate"/> to check it.</returns>
    /// <exception cref="JsonException">
    /// The stream is not JSON, a member has the wrong type, or the body is beyond a limit; the message names its path
    /// (or the limit, and how to raise it).
    /// </exception>
    public static async Task<CreateChatCompletionRequest> FromJsonAsync(Stream utf8Json, ChatRequestReadOptions? options, CancellationToken cancellationToken = default)
    {
        if (utf8Json is null)
        {
            throw new ArgumentNullException(nameof(utf8Json));
        }

        var limits = options ?? ChatRequestReadOptions.Default;
        var body = await BodyBuffer.FromStreamAsync(utf8Json, limits, cancellationToken).ConfigureAwait(false);
        try
        {
            return RequestReader.Read(body.Span, limits);
        }
        finally
        {
            body.Dispose();
        }
    }

    // ---- Equality ------------------------------------------------------------------------------------------

    /// <summary>
    /// True when both requests have the same JSON body (member order of JSON objects does not matter; the order of
    /// arrays does).
    /// </summary>
    /// <param name="other">The other request.</param>
    /// <returns>True when the bodies are equal.</returns>
    public bool Equals(CreateChatCompletionRequest? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        return JsonNode.DeepEquals(
            JsonNode.Parse(ToUtf8Bytes(), documentOptions: ChatJson.CompareOptions),
            JsonNode.Parse(other.ToUtf8Bytes(), documentOptions: ChatJson.CompareOptions));
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as CreateChatCompletionRequest);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        // Consistent with Equals: equal bodies have the same model and the same number of messages.
        var hash = Model is null ? 0 : StringComparer.Ordinal.GetHashCode(Model);
        return (hash * 31) + (Messages?.Count ?? 0);
    }

    /// <summary>A short summary (model and message count). It never prints message text, which may be secret.</summary>
    /// <returns>The summary.</returns>
    public override string ToString() =>
        "CreateChatCompletionRequest { model = " + (Model ?? "null") + ", messages = " + (Messages?.Count ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture) + " }";
}
