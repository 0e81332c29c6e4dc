using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ChatRequest.Serialization;

/// <summary>The body's own object and the option objects it holds.</summary>
internal ref partial struct RequestReader
{
    private const int Model = 0;
    private const int Messages = 1;
    private const int Audio = 2;
    private const int FrequencyPenalty = 3;
    private const int FunctionCall = 4;
    private const int Functions = 5;
    private const int LogitBias = 6;
    private const int Logprobs = 7;
    private const int MaxCompletionTokens = 8;
    private const int MaxTokens = 9;
    private const int Metadata = 10;
    private const int Modalities = 11;
    private const int Moderation = 12;
    private const int N = 13;
    private const int ParallelToolCalls = 14;
    private const int Prediction = 15;
    private const int PresencePenalty = 16;
    private const int PromptCacheKey = 17;
    private const int PromptCacheOptions = 18;
    private const int PromptCacheRetention = 19;
    private const int ReasoningEffort = 20;
    private const int ResponseFormat = 21;
    private const int SafetyIdentifier = 22;
    private const int Seed = 23;
    private const int ServiceTier = 24;
    private const int Stop = 25;
    private const int Store = 26;
    private const int Stream = 27;
    private const int StreamOptions = 28;
    private const int Temperature = 29;
    private const int ToolChoice = 30;
    private const int Tools = 31;
    private const int TopLogprobs = 32;
    private const int TopP = 33;
    private const int User = 34;
    private const int Verbosity = 35;
    private const int WebSearchOptions = 36;

    /// <summary>The id of a member of the body's object, or -1.</summary>
    private static int RequestMember(ReadOnlySpan<byte> n)
    {
        switch (n.Length)
        {
            case 1:
                return n[0] == (byte)'n' ? N : -1;
            case 4:
                return n.SequenceEqual("stop"u8) ? Stop : n.SequenceEqual("seed"u8) ? Seed : n.SequenceEqual("user"u8) ? User : -1;
            case 5:
                return n.SequenceEqual("model"u8) ? Model : n.SequenceEqual("tools"u8) ? Tools : n.SequenceEqual("top_p"u8) ? TopP
                    : n.SequenceEqual("audio"u8) ? Audio : n.SequenceEqual("store"u8) ? Store : -1;
            case 6:
                return n.SequenceEqual("stream"u8) ? Stream : -1;
            case 8:
                return n.SequenceEqual("messages"u8) ? Messages : n.SequenceEqual("logprobs"u8) ? Logprobs : n.SequenceEqual("metadata"u8) ? Metadata : -1;
            case 9:
                return n.SequenceEqual("functions"u8) ? Functions : n.SequenceEqual("verbosity"u8) ? Verbosity : -1;
            case 10:
                return n.SequenceEqual("max_tokens"u8) ? MaxTokens : n.SequenceEqual("logit_bias"u8) ? LogitBias : n.SequenceEqual("modalities"u8) ? Modalities
                    : n.SequenceEqual("moderation"u8) ? Moderation : n.SequenceEqual("prediction"u8) ? Prediction : -1;
            case 11:
                return n.SequenceEqual("temperature"u8) ? Temperature : n.SequenceEqual("tool_choice"u8) ? ToolChoice : -1;
            case 12:
                return n.SequenceEqual("service_tier"u8) ? ServiceTier : n.SequenceEqual("top_logprobs"u8) ? TopLogprobs : -1;
            case 13:
                return n.SequenceEqual("function_call"u8) ? FunctionCall : -1;
            case 14:
                return n.SequenceEqual("stream_options"u8) ? StreamOptions : -1;
            case 15:
                return n.SequenceEqual("response_format"u8) ? ResponseFormat : -1;
            case 16:
                return n.SequenceEqual("presence_penalty"u8) ? PresencePenalty : n.SequenceEqual("prompt_cache_key"u8) ? PromptCacheKey
                    : n.SequenceEqual("reasoning_effort"u8) ? ReasoningEffort : -1;
            case 17:
                return n.SequenceEqual("frequency_penalty"u8) ? FrequencyPenalty : n.SequenceEqual("safety_identifier"u8) ? SafetyIdentifier : -1;
            case 18:
                return n.SequenceEqual("web_search_options"u8) ? WebSearchOptions : -1;
            case 19:
                return n.SequenceEqual("parallel_tool_calls"u8) ? ParallelToolCalls : -1;
            case 20:
                return n.SequenceEqual("prompt_cache_options"u8) ? PromptCacheOptions : -1;
            case 21:
                return n.SequenceEqual("max_completion_tokens"u8) ? MaxCompletionTokens : -1;
            case 22:
                return n.SequenceEqual("prompt_cache_retention"u8) ? PromptCacheRetention : -1;
            default:
                return -1;
        }
    }

    /// <summary>The body's object; the reader is at its start and ends at its end.</summary>
    private CreateChatCompletionRequest ReadRequest()
    {
        var r = new CreateChatCompletionRequest();
        ulong seen = 0;
        while (NextMember())
        {
            var id = RequestMember(Name());
            if (id < 0)
            {
                AddExtra(r, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            switch (id)
            {
                case Model:
                    r.Model = String(r, "model");
                    break;
                case Messages:
                    r.Messages = MessageList(r);
                    break;
                case Audio:
                    r.Audio = ObjectOrNull(r, "audio") ? AudioOptions() : null;
                    break;
                case FrequencyPenalty:
                    r.FrequencyPenalty = Number(r, "frequency_penalty");
                    break;
                case FunctionCall:
                    r.FunctionCall = FunctionCallOption(r);
                    break;
                case Functions:
                    r.Functions = FunctionList(r);
                    break;
                case LogitBias:
                    r.LogitBias = ObjectOrNull(r, "logit_bias") ? LogitBiasMap() : null;
                    break;
                case Logprobs:
                    r.Logprobs = Bool(r, "logprobs");
                    break;
                case MaxCompletionTokens:
                    r.MaxCompletionTokens = Int(r, "max_completion_tokens");
                    break;
                case MaxTokens:
                    r.MaxTokens = Int(r, "max_tokens");
                    break;
                case Metadata:
                    r.Metadata = ObjectOrNull(r, "metadata") ? MetadataMap() : null;
                    break;
                case Modalities:
                    r.Modalities = ArrayOrNull(r, "modalities") ? StringList() : null;
                    break;
                case Moderation:
                    r.Moderation = ObjectOrNull(r, "moderation") ? ModerationValue() : null;
                    break;
                case N:
                    r.N = Int(r, "n");
                    break;
                case ParallelToolCalls:
                    r.ParallelToolCalls = Bool(r, "parallel_tool_calls");
                    break;
                case Prediction:
                    r.Prediction = ObjectOrNull(r, "prediction") ? PredictionValue() : null;
                    break;
                case PresencePenalty:
                    r.PresencePenalty = Number(r, "presence_penalty");
                    break;
                case PromptCacheKey:
                    r.PromptCacheKey = String(r, "prompt_cache_key");
                    break;
                case PromptCacheOptions:
                    r.PromptCacheOptions = ObjectOrNull(r, "prompt_cache_options") ? PromptCacheOptionsValue() : null;
                    break;
                case PromptCacheRetention:
                    r.PromptCacheRetention = String(r, "prompt_cache_retention");
                    break;
                case ReasoningEffort:
                    r.ReasoningEffort = String(r, "reasoning_effort");
                    break;
                case ResponseFormat:
                    r.ResponseFormat = ObjectOrNull(r, "response_format") ? ResponseFormatValue() : null;
                    break;
                case SafetyIdentifier:
                    r.SafetyIdentifier = String(r, "safety_identifier");
                    break;
                case Seed:
                    r.Seed = Long(r, "seed");
                    break;
                case ServiceTier:
                    r.ServiceTier = String(r, "service_tier");
                    break;
                case Stop:
                    r.Stop = StopValue(r);
                    break;
                case Store:
                    r.Store = Bool(r, "store");
                    break;
                case Stream:
                    r.Stream = Bool(r, "stream");
                    break;
                case StreamOptions:
                    r.StreamOptions = ObjectOrNull(r, "stream_options") ? StreamOptionsValue() : null;
                    break;
                case Temperature:
                    r.Temperature = Number(r, "temperature");
                    break;
                case ToolChoice:
                    r.ToolChoice = ToolChoiceValue(r);
                    break;
                case Tools:
                    r.Tools = ToolList(r);
                    break;
                case TopLogprobs:
                    r.TopLogprobs = Int(r, "top_logprobs");
                    break;
                case TopP:
                    r.TopP = Number(r, "top_p");
                    break;
                case User:
                    r.User = String(r, "user");
                    break;
                case Verbosity:
                    r.Verbosity = String(r, "verbosity");
                    break;
                default:
                    r.WebSearchOptions = ObjectOrNull(r, "web_search_options") ? WebSearchValue() : null;
                    break;
            }

            Once(ref seen, id);
            Pop();
        }

        return r;
    }

    // ---- Collections of the body -------------------------------------------------------------------------------

    /// <summary><c>logit_bias</c>: token ids to integers; the reader is at the object's start.</summary>
    private Dictionary<string, int> LogitBiasMap()
    {
        var map = new Dictionary<string, int>();
        while (NextMember())
        {
            var key = StringValue();
            PushMember();
            Next();
            if (_r.TokenType != JsonTokenType.Number || !_r.TryGetInt32(out var bias))
            {
                throw Mismatch("an integer (a bias from -100 to 100)");
            }

            if (map.ContainsKey(key))
            {
                throw Duplicate();
            }

            map.Add(key, bias);
            Pop();
        }

        return map;
    }

    /// <summary><c>metadata</c>: keys to strings (null values kept); the reader is at the object's start.</summary>
    private Dictionary<string, string> MetadataMap()
    {
        var map = new Dictionary<string, string>();
        while (NextMember())
        {
            var key = StringValue();
            PushMember();
            Next();
            string? value = null;
            if (_r.TokenType == JsonTokenType.String)
            {
                value = StringValue();
            }
            else if (_r.TokenType != JsonTokenType.Null)
            {
                throw Mismatch("a string or null");
            }

            if (map.ContainsKey(key))
            {
                throw Duplicate();
            }

            map.Add(key, value!);
            Pop();
        }

        return map;
    }

    /// <summary>An array of strings and nulls (<c>modalities</c>); the reader is at the array's start.</summary>
    private List<string> StringList()
    {
        var list = new List<string>();
        PushIndex();
        while (NextElement())
        {
            string? value = null;
            if (_r.TokenType == JsonTokenType.String)
            {
                value = StringValue();
            }
            else if (_r.TokenType != JsonTokenType.Null)
            {
                throw Mismatch("a string or null");
            }

            list.Add(value!);
            SetIndex(list.Count);
        }

        Pop();
        return list;
    }

    /// <summary><c>stop</c>: one string, or an array of strings.</summary>
    private StopSequences? StopValue(JsonModel owner)
    {
        switch (_r.TokenType)
        {
            case JsonTokenType.String:
                return new StopSequences(StringValue());
            case JsonTokenType.Null:
                owner.MarkExplicitNull("stop");
                return null;
            case JsonTokenType.StartArray:
                var list = new List<string>(4);
                PushIndex();
                while (NextElement())
                {
                    if (_r.TokenType != JsonTokenType.String)
                    {
                        throw Mismatch("a string (a stop sequence)");
                    }

                    list.Add(StringValue());
                    SetIndex(list.Count);
                }

                Pop();
                return new StopSequences(list, owned: true);
            default:
                throw Mismatch("a string, an array of strings, or null");
        }
    }

    // ---- Option objects ----------------------------------------------------------------------------------------

    /// <summary><c>audio</c>: the reader is at the object's start.</summary>
    private AudioOutputOptions AudioOptions()
    {
        var audio = new AudioOutputOptions();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("voice"u8) ? 0 : n.SequenceEqual("format"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(audio, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            if (id == 0)
            {
                audio.Voice = VoiceValue(audio);
            }
            else
            {
                audio.Format = String(audio, "format");
            }

            Once(ref seen, id);
            Pop();
        }

        return audio;
    }

    /// <summary><c>audio.voice</c>: a voice name, or <c>{"id":...}</c> with no other member.</summary>
    private AudioVoice? VoiceValue(JsonModel owner)
    {
        switch (_r.TokenType)
        {
            case JsonTokenType.String:
                return AudioVoice.Named(StringValue());
            case JsonTokenType.Null:
                owner.MarkExplicitNull("voice");
                return null;
            case JsonTokenType.StartObject:
                string? id = null;
                while (NextMember())
                {
                    PushMember();
                    if (!Name().SequenceEqual("id"u8))
                    {
                        throw Error("is not allowed: a custom voice accepts only the member 'id'.");
                    }

                    Next();
                    var value = RequiredString();
                    if (id is not null)
                    {
                        throw Duplicate();
                    }

                    id = value;
                    Pop();
                }

                return AudioVoice.Custom(id ?? throw Error("has no 'id': a custom voice needs its member 'id' (a string); a built-in voice is a string such as \"alloy\"."));
            default:
                throw Mismatch("a voice name (a string), an object with 'id', or null");
        }
    }

    /// <summary><c>prediction</c>: the reader is at the object's start.</summary>
    private Prediction PredictionValue()
    {
        var prediction = new Prediction();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("type"u8) ? 0 : n.SequenceEqual("content"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(prediction, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            if (id == 0)
            {
                prediction.Type = String(prediction, "type");
            }
            else
            {
                prediction.Content = Content(prediction);
            }

            Once(ref seen, id);
            Pop();
        }

        return prediction;
    }

    /// <summary><c>stream_options</c>: the reader is at the object's start.</summary>
    private StreamOptions StreamOptionsValue()
    {
        var options = new StreamOptions();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("include_usage"u8) ? 0 : n.SequenceEqual("include_obfuscation"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(options, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            if (id == 0)
            {
                options.IncludeUsage = Bool(options, "include_usage");
            }
            else
            {
                options.IncludeObfuscation = Bool(options, "include_obfuscation");
            }

            Once(ref seen, id);
            Pop();
        }

        return options;
    }

    /// <summary><c>prompt_cache_options</c>: the reader is at the object's start.</summary>
    private PromptCacheOptions PromptCacheOptionsValue()
    {
        var options = new PromptCacheOptions();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("ttl"u8) ? 0 : n.SequenceEqual("mode"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(options, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            if (id == 0)
            {
                options.Ttl = String(options, "ttl");
            }
            else
            {
                options.Mode = String(options, "mode");
            }

            Once(ref seen, id);
            Pop();
        }

        return options;
    }

    /// <summary><c>web_search_options</c>: the reader is at the object's start.</summary>
    private WebSearchOptions WebSearchValue()
    {
        var web = new WebSearchOptions();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("user_location"u8) ? 0 : n.SequenceEqual("search_context_size"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(web, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            if (id == 0)
            {
                web.UserLocation = ObjectOrNull(web, "user_location") ? UserLocation() : null;
            }
            else
            {
                web.SearchContextSize = String(web, "search_context_size");
            }

            Once(ref seen, id);
            Pop();
        }

        return web;
    }

    private WebSearchUserLocation UserLocation()
    {
        var location = new WebSearchUserLocation();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("type"u8) ? 0 : n.SequenceEqual("approximate"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(location, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            if (id == 0)
            {
                location.Type = String(location, "type");
            }
            else
            {
                location.Approximate = ObjectOrNull(location, "approximate") ? Approximate() : null;
            }

            Once(ref seen, id);
            Pop();
        }

        return location;
    }

    private ApproximateLocation Approximate()
    {
        var place = new ApproximateLocation();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("country"u8) ? 0 : n.SequenceEqual("region"u8) ? 1 : n.SequenceEqual("city"u8) ? 2 : n.SequenceEqual("timezone"u8) ? 3 : -1;
            if (id < 0)
            {
                AddExtra(place, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            switch (id)
            {
                case 0:
                    place.Country = String(place, "country");
                    break;
                case 1:
                    place.Region = String(place, "region");
                    break;
                case 2:
                    place.City = String(place, "city");
                    break;
                default:
                    place.Timezone = String(place, "timezone");
                    break;
            }

            Once(ref seen, id);
            Pop();
        }

        return place;
    }

    /// <summary><c>moderation</c>: the reader is at the object's start.</summary>
    private ModerationOptions ModerationValue()
    {
        var moderation = new ModerationOptions();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("model"u8) ? 0 : n.SequenceEqual("policy"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(moderation, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            if (id == 0)
            {
                moderation.Model = String(moderation, "model");
            }
            else
            {
                moderation.Policy = ObjectOrNull(moderation, "policy") ? Policy() : null;
            }

            Once(ref seen, id);
            Pop();
        }

        return moderation;
    }

    private ModerationPolicy Policy()
    {
        var policy = new ModerationPolicy();
        ulong seen = 0;
        while (NextMember())
        {
            var n = Name();
            var id = n.SequenceEqual("input"u8) ? 0 : n.SequenceEqual("output"u8) ? 1 : -1;
            if (id < 0)
            {
                AddExtra(policy, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            var name = id == 0 ? "input" : "output";
            var config = ObjectOrNull(policy, name) ? ModerationConfigValue() : null;
            if (id == 0)
            {
                policy.Input = config;
            }
            else
            {
                policy.Output = config;
            }

            Once(ref seen, id);
            Pop();
        }

        return policy;
    }

    private ModerationConfig ModerationConfigValue() => ModeOnly<ModerationConfig>(static (config, mode) => config.Mode = mode);

    /// <summary>
    /// An object whose one known member is the string <c>mode</c> (a prompt-cache breakpoint, a moderation input or
    /// output config): the reader is at the object's start.
    /// </summary>
    private T ModeOnly<T>(Action<T, string?> setMode)
        where T : JsonModel, new()
    {
        var value = new T();
        var seen = false;
        while (NextMember())
        {
            if (!Name().SequenceEqual("mode"u8))
            {
                AddExtra(value, polymorphic: false);
                continue;
            }

            PushMember();
            Next();
            setMode(value, String(value, "mode"));
            if (seen)
            {
                throw Duplicate();
            }

            seen = true;
            Pop();
        }

        return value;
    }
}
