using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using ChatRequest.Serialization;

namespace ChatRequest;

/// <content>The steps a builder records, and how each is applied to a request object.</content>
public sealed partial class ChatRequestBuilder
{
    /// <summary>What one builder step does. Values live in <see cref="_value"/> and <see cref="_bits"/>.</summary>
    private enum Kind : byte
    {
        // Roots.
        Model,
        FromRequest,

        // Messages, in call order.
        SystemMessage,
        DeveloperMessage,
        UserMessage,
        AssistantMessage,
        ToolResult,
        FunctionResult,
        MessageSnapshot,

        // Single-valued settings: the last call wins.
        Temperature,
        TopP,
        FrequencyPenalty,
        PresencePenalty,
        MaxTokens,
        MaxCompletionTokens,
        N,
        Stop,
        Stream,
        StreamOptions,
        EndUser,
        Seed,
        Logprobs,
        TopLogprobs,
        ToolChoiceMode,
        ForceFunction,
        ForceCustomTool,
        ToolChoiceSnapshot,
        ParallelToolCalls,
        FunctionCallMode,
        FunctionCallName,
        TextFormat,
        JsonObjectFormat,
        JsonSchemaFormat,
        ResponseFormatSnapshot,
        Modalities,
        Audio,
        Prediction,
        Verbosity,
        ReasoningEffort,
        ServiceTier,
        SafetyIdentifier,
        PromptCacheKey,
        PromptCacheOptions,
        PromptCacheRetention,
        Store,
        WebSearchSnapshot,
        ModerationSnapshot,

        // Accumulating: each call adds an entry.
        LogitBias,
        Metadata,
        FunctionTool,
        ToolSnapshot,
        Function,
        Extra,

        /// <summary>Not a step: the number of kinds (keep it last).</summary>
        Count,
    }

    private static bool IsMessage(Kind kind) => kind is >= Kind.SystemMessage and <= Kind.MessageSnapshot;

    /// <summary>Whether a step holds a copy of a caller's model object (such chains are validated on the object model).</summary>
    private static bool IsSnapshot(Kind kind) => kind is Kind.FromRequest or Kind.MessageSnapshot or Kind.ToolChoiceSnapshot
        or Kind.ResponseFormatSnapshot or Kind.WebSearchSnapshot or Kind.ModerationSnapshot or Kind.ToolSnapshot;

    /// <summary>A nullable bool in two bits: 0 unset, 1 false, 2 true.</summary>
    private static long Tri(bool? value) => value is null ? 0 : value.Value ? 2 : 1;

    private static bool? FromTri(long bits) => (bits & 3) switch
    {
        1 => false,
        2 => true,
        _ => null,
    };

    private int TokenId => (int)(_bits >> 32);

    private int Bias => (int)_bits;

    private string Content => _value as string ?? (string)((Two)_value!).B!;

    private string MessageText => _value as string ?? (string)((Two)_value!).A!;

    private string? MessageName => (_value as Two)?.B as string;

    private void Apply(CreateChatCompletionRequest r)
    {
        switch (_kind)
        {
            case Kind.Model:
                r.Model = Text;
                break;
            case Kind.FromRequest:
                Snapshot.ThawInto(r, (JsonElement)_value!);
                break;
            case Kind.SystemMessage:
                r.Messages!.Add(new SystemMessage { Content = MessageText, Name = MessageName });
                break;
            case Kind.DeveloperMessage:
                r.Messages!.Add(new DeveloperMessage { Content = MessageText, Name = MessageName });
                break;
            case Kind.UserMessage:
                r.Messages!.Add(new UserMessage { Content = MessageText, Name = MessageName });
                break;
            case Kind.AssistantMessage:
                r.Messages!.Add(new AssistantMessage { Content = MessageText, Name = MessageName });
                break;
            case Kind.ToolResult:
                r.Messages!.Add(new ToolMessage { ToolCallId = (string)((Two)_value!).A!, Content = Content });
                break;
            case Kind.FunctionResult:
                r.Messages!.Add(new FunctionMessage { Name = (string)((Two)_value!).A!, Content = Content });
                break;
            case Kind.MessageSnapshot:
                r.Messages!.Add(Snapshot.Thaw<ChatMessage>((JsonElement)_value!));
                break;
            case Kind.Temperature:
                r.Temperature = Number;
                break;
            case Kind.TopP:
                r.TopP = Number;
                break;
            case Kind.FrequencyPenalty:
                r.FrequencyPenalty = Number;
                break;
            case Kind.PresencePenalty:
                r.PresencePenalty = Number;
                break;
            case Kind.MaxTokens:
                r.MaxTokens = (int)_bits;
                break;
            case Kind.MaxCompletionTokens:
                r.MaxCompletionTokens = (int)_bits;
                break;
            case Kind.N:
                r.N = (int)_bits;
                break;
            case Kind.Stop:
                r.Stop = new StopSequences((string[])_value!);
                break;
            case Kind.Stream:
                r.Stream = _bits != 0;
                break;
            case Kind.StreamOptions:
                r.StreamOptions = new StreamOptions { IncludeUsage = FromTri(_bits >> 2), IncludeObfuscation = FromTri(_bits) };
                break;
            case Kind.EndUser:
                r.User = Text;
                break;
            case Kind.Seed:
                r.Seed = _bits;
                break;
            case Kind.Logprobs:
                r.Logprobs = _bits != 0;
                break;
            case Kind.TopLogprobs:
                r.TopLogprobs = (int)_bits;
                break;
            case Kind.ToolChoiceMode:
                r.ToolChoice = new ToolChoice { Mode = Text };
                break;
            case Kind.ForceFunction:
                r.ToolChoice = ChatRequest.ToolChoice.ForFunction(Text);
                break;
            case Kind.ForceCustomTool:
                r.ToolChoice = ChatRequest.ToolChoice.ForCustomTool(Text);
                break;
            case Kind.ToolChoiceSnapshot:
                r.ToolChoice = Snapshot.Thaw<ToolChoice>((JsonElement)_value!);
                break;
            case Kind.ParallelToolCalls:
                r.ParallelToolCalls = _bits != 0;
                break;
            case Kind.FunctionCallMode:
                r.FunctionCall = new FunctionCallOption { Mode = Text };
                break;
            case Kind.FunctionCallName:
                r.FunctionCall = new FunctionCallOption { Name = Text };
                break;
            case Kind.TextFormat:
                r.ResponseFormat = new TextResponseFormat();
                break;
            case Kind.JsonObjectFormat:
                r.ResponseFormat = new JsonObjectResponseFormat();
                break;
            case Kind.JsonSchemaFormat:
                var schema = (ToolSpec)_value!;
                r.ResponseFormat = new JsonSchemaResponseFormat
                {
                    JsonSchema = new JsonSchemaDefinition { Name = schema.Name, Description = schema.Description, Schema = schema.SchemaElement, Strict = schema.Strict },
                };
                break;
            case Kind.ResponseFormatSnapshot:
                r.ResponseFormat = Snapshot.Thaw<ResponseFormat>((JsonElement)_value!);
                break;
            case Kind.Modalities:
                r.Modalities = new List<string>((string[])_value!);
                break;
            case Kind.Audio:
                var audio = (Two)_value!;
                r.Audio = new AudioOutputOptions { Voice = (AudioVoice)audio.A!, Format = (string)audio.B! };
                break;
            case Kind.Prediction:
                r.Prediction = new Prediction { Type = "content", Content = Text };
                break;
            case Kind.Verbosity:
                r.Verbosity = Text;
                break;
            case Kind.ReasoningEffort:
                r.ReasoningEffort = Text;
                break;
            case Kind.ServiceTier:
                r.ServiceTier = Text;
                break;
            case Kind.SafetyIdentifier:
                r.SafetyIdentifier = Text;
                break;
            case Kind.PromptCacheKey:
                r.PromptCacheKey = Text;
                break;
            case Kind.PromptCacheOptions:
                var cache = (Two)_value!;
                r.PromptCacheOptions = new PromptCacheOptions { Mode = (string?)cache.A, Ttl = (string?)cache.B };
                break;
            case Kind.PromptCacheRetention:
                r.PromptCacheRetention = Text;
                break;
            case Kind.Store:
                r.Store = _bits != 0;
                break;
            case Kind.WebSearchSnapshot:
                r.WebSearchOptions = Snapshot.Thaw<WebSearchOptions>((JsonElement)_value!);
                break;
            case Kind.ModerationSnapshot:
                r.Moderation = Snapshot.Thaw<ModerationOptions>((JsonElement)_value!);
                break;
            case Kind.LogitBias:
                r.LogitBias ??= new Dictionary<string, int>(StringComparer.Ordinal);
                r.LogitBias[TokenId.ToString(CultureInfo.InvariantCulture)] = Bias;
                break;
            case Kind.Metadata:
                var pair = (Two)_value!;
                r.Metadata ??= new Dictionary<string, string>(StringComparer.Ordinal);
                r.Metadata[(string)pair.A!] = (string)pair.B!;
                break;
            case Kind.FunctionTool:
                var tool = (ToolSpec)_value!;
                r.Tools ??= new List<ChatTool>();
                r.Tools.Add(new FunctionTool
                {
                    Function = new FunctionDefinition { Name = tool.Name, Description = tool.Description, Parameters = tool.SchemaElement, Strict = tool.Strict },
                });
                break;
            case Kind.ToolSnapshot:
                r.Tools ??= new List<ChatTool>();
                r.Tools.Add(Snapshot.Thaw<ChatTool>((JsonElement)_value!));
                break;
            case Kind.Function:
                var function = (ToolSpec)_value!;
                r.Functions ??= new List<FunctionDefinition>();
                r.Functions.Add(new FunctionDefinition { Name = function.Name, Description = function.Description, Parameters = function.SchemaElement });
                break;
            case Kind.Extra:
                var extra = (Two)_value!;
                r.AdditionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                r.AdditionalProperties[(string)extra.A!] = (JsonElement)extra.B!;
                break;
            default:
                throw new InvalidOperationException("Unknown builder step " + _kind + ".");
        }
    }

    /// <summary>Two values of one step.</summary>
    private sealed class Two
    {
        public Two(object? a, object? b)
        {
            A = a;
            B = b;
        }

        public object? A { get; }

        public object? B { get; }
    }

    /// <summary>The immutable inputs of a function tool, a legacy function or a JSON Schema format.</summary>
    private sealed class ToolSpec
    {
        public ToolSpec(string name, string? description, CompactJson? schema, bool? strict)
        {
            Name = name;
            Description = description;
            Schema = schema;
            Strict = strict;
        }

        public string Name { get; }

        public string? Description { get; }

        /// <summary>The JSON Schema as compact JSON, checked to be an object.</summary>
        public CompactJson? Schema { get; }

        public JsonElement? SchemaElement => Schema is null ? null : JsonText.Element(Schema.Text);

        public bool? Strict { get; }
    }

    /// <summary>The steps of a chain, oldest first, in a pooled array.</summary>
    private readonly struct Steps : IDisposable
    {
        private readonly ChatRequestBuilder[] _array;
        private readonly int _count;

        public Steps(ChatRequestBuilder tail)
        {
            var count = tail._length;
            _array = ArrayPool<ChatRequestBuilder>.Shared.Rent(count);
            _count = count;
            var index = count;
            for (var node = tail; node is not null; node = node._previous)
            {
                _array[--index] = node;
            }
        }

        public ReadOnlySpan<ChatRequestBuilder> Span => _array.AsSpan(0, _count);

        public void Dispose()
        {
            Array.Clear(_array, 0, _count);
            ArrayPool<ChatRequestBuilder>.Shared.Return(_array);
        }
    }
}
