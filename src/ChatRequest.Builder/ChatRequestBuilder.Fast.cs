using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using ChatRequest.Serialization;
using ChatRequest.Validation;
using Names = ChatRequest.Serialization.RequestWriter.Names;

namespace ChatRequest;

/// <content>
/// The fast path of <see cref="Build"/>: for chains of plain steps (no copied model objects), a conservative check
/// that the request has no error, and a writer that produces its JSON straight from the chain, so that building and
/// sending a request makes no object model at all. Whenever the check is unsure, Build falls back to the object model
/// and the full validator, which decide. A test proves the check never passes a request the validator rejects.
/// </content>
public sealed partial class ChatRequestBuilder
{
    /// <summary>Where the last step of each single-valued setting sits in a <see cref="Steps"/> span.</summary>
    private enum Slot
    {
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
        ToolChoice,
        ParallelToolCalls,
        FunctionCall,
        ResponseFormat,
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

        // Not settings: where the first step of each accumulating kind sits (so the writer skips absent ones).
        FirstLogitBias,
        FirstMetadata,
        FirstFunctionTool,
        FirstFunction,
        FirstExtra,
        Count,
    }

    private static Slot FirstSlotOf(Kind kind) => kind switch
    {
        Kind.LogitBias => Slot.FirstLogitBias,
        Kind.Metadata => Slot.FirstMetadata,
        Kind.FunctionTool => Slot.FirstFunctionTool,
        Kind.Function => Slot.FirstFunction,
        Kind.Extra => Slot.FirstExtra,
        _ => Slot.Count,
    };

    private static Slot SlotOf(Kind kind) => kind switch
    {
        Kind.Temperature => Slot.Temperature,
        Kind.TopP => Slot.TopP,
        Kind.FrequencyPenalty => Slot.FrequencyPenalty,
        Kind.PresencePenalty => Slot.PresencePenalty,
        Kind.MaxTokens => Slot.MaxTokens,
        Kind.MaxCompletionTokens => Slot.MaxCompletionTokens,
        Kind.N => Slot.N,
        Kind.Stop => Slot.Stop,
        Kind.Stream => Slot.Stream,
        Kind.StreamOptions => Slot.StreamOptions,
        Kind.EndUser => Slot.EndUser,
        Kind.Seed => Slot.Seed,
        Kind.Logprobs => Slot.Logprobs,
        Kind.TopLogprobs => Slot.TopLogprobs,
        Kind.ToolChoiceMode or Kind.ForceFunction or Kind.ForceCustomTool => Slot.ToolChoice,
        Kind.ParallelToolCalls => Slot.ParallelToolCalls,
        Kind.FunctionCallMode or Kind.FunctionCallName => Slot.FunctionCall,
        Kind.TextFormat or Kind.JsonObjectFormat or Kind.JsonSchemaFormat => Slot.ResponseFormat,
        Kind.Modalities => Slot.Modalities,
        Kind.Audio => Slot.Audio,
        Kind.Prediction => Slot.Prediction,
        Kind.Verbosity => Slot.Verbosity,
        Kind.ReasoningEffort => Slot.ReasoningEffort,
        Kind.ServiceTier => Slot.ServiceTier,
        Kind.SafetyIdentifier => Slot.SafetyIdentifier,
        Kind.PromptCacheKey => Slot.PromptCacheKey,
        Kind.PromptCacheOptions => Slot.PromptCacheOptions,
        Kind.PromptCacheRetention => Slot.PromptCacheRetention,
        Kind.Store => Slot.Store,
        _ => Slot.Count,
    };

    /// <summary>In <see cref="SlotTable"/>: a step that holds a copied model object, which the fast path does not handle.</summary>
    private const Slot SnapshotSlot = (Slot)byte.MaxValue;

    /// <summary>
    /// For each step kind: its slot (settings), its "first" slot (accumulating kinds), <see cref="SnapshotSlot"/>, or
    /// <see cref="Slot.Count"/> (messages, the root).
    /// </summary>
    private static readonly byte[] SlotTable = MakeSlotTable();

    private static byte[] MakeSlotTable()
    {
        var table = new byte[(int)Kind.Count];
        for (var kind = Kind.Model; kind < Kind.Count; kind++)
        {
            var slot = SlotOf(kind);
            table[(int)kind] = (byte)(IsSnapshot(kind) ? SnapshotSlot : slot != Slot.Count ? slot : FirstSlotOf(kind));
        }

        return table;
    }

    /// <summary>
    /// Puts the chain ending at <paramref name="tail"/> into <paramref name="steps"/> (its length), oldest first, and
    /// fills <paramref name="last"/> with where each setting's last step and each accumulating kind's first step sit
    /// (-1 when there is none), in the same walk.
    /// </summary>
    /// <returns>False when the chain holds a step the fast path does not handle (a copied model object).</returns>
    private static bool IndexSteps(ChatRequestBuilder tail, Span<ChatRequestBuilder> steps, Span<int> last)
    {
        last.Fill(-1);
        var step = tail;
        for (var i = steps.Length - 1; i > 0; i--, step = step._previous!)
        {
            steps[i] = step;

            // Walking backwards: a setting's first step met is its last call; an accumulating kind's last met is its first.
            var slot = (Slot)SlotTable[(int)step._kind];
            if (slot == SnapshotSlot)
            {
                return false;
            }

            if (slot < Slot.FirstLogitBias)
            {
                if (last[(int)slot] < 0)
                {
                    last[(int)slot] = i;
                }
            }
            else if (slot < Slot.Count)
            {
                last[(int)slot] = i;
            }
        }

        steps[0] = step;
        return step._kind == Kind.Model;
    }

#if NET
    /// <summary>The longest chain whose steps the writer keeps on the stack.</summary>
    private const int StepsOnStack = 32;

    /// <summary>Room on the stack for the steps of a chain of typical length.</summary>
    [System.Runtime.CompilerServices.InlineArray(StepsOnStack)]
    private struct StepBuffer
    {
        private ChatRequestBuilder _first;
    }
#endif

    // ---- The check ---------------------------------------------------------------------------------------------

    /// <summary>
    /// True only when the request this chain builds certainly has no error-level problem; false when it may have one
    /// (then the full validator decides). Allocates nothing.
    /// </summary>
    private static class ChainCheck
    {
        /// <summary>
        /// One walk from the last step back: each setting is checked at its last call (the first one met), each
        /// message, tool, function, logit bias and metadata entry at every call; what the cross-field rules need is
        /// kept in locals (no array of steps, nothing written to the heap).
        /// </summary>
        public static bool IsCertainlyValid(ChatRequestBuilder tail)
        {
            var messages = 0;
            var tools = 0;
            var functions = 0;
            var metadata = 0;
            var seen = 0UL; // the settings already met, one bit per slot
            bool logprobs = false, topLogprobs = false, stream = false, streamOptions = false, parallelToolCalls = false;
            bool jsonObjectFormat = false, audio = false, audioModality = false;
            ChatRequestBuilder? toolChoice = null;
            ChatRequestBuilder? functionCall = null;
            var step = tail;
            for (; step._previous is not null; step = step._previous)
            {
                var kind = step._kind;
                var slot = (Slot)SlotTable[(int)kind];
                if (slot == SnapshotSlot)
                {
                    return false;
                }

                if (slot < Slot.FirstLogitBias)
                {
                    var bit = 1UL << (int)slot;
                    if ((seen & bit) != 0)
                    {
                        continue; // a later call of the same setting replaced this one
                    }

                    seen |= bit;
                }

                switch (kind)
                {
                    case Kind.Temperature:
                        if (!ChatRules.Temperature.Allows(step.Number))
                        {
                            return false;
                        }

                        break;
                    case Kind.TopP:
                        if (!ChatRules.TopP.Allows(step.Number))
                        {
                            return false;
                        }

                        break;
                    case Kind.FrequencyPenalty:
                        if (!ChatRules.FrequencyPenalty.Allows(step.Number))
                        {
                            return false;
                        }

                        break;
                    case Kind.PresencePenalty:
                        if (!ChatRules.PresencePenalty.Allows(step.Number))
                        {
                            return false;
                        }

                        break;
                    case Kind.MaxTokens:
                        if (!ChatRules.MaxTokens.Allows((int)step._bits))
                        {
                            return false;
                        }

                        break;
                    case Kind.MaxCompletionTokens:
                        if (!ChatRules.MaxCompletionTokens.Allows((int)step._bits))
                        {
                            return false;
                        }

                        break;
                    case Kind.N:
                        if (!ChatRules.N.Allows((int)step._bits))
                        {
                            return false;
                        }

                        break;
                    case Kind.TopLogprobs:
                        if (!ChatRules.TopLogprobs.Allows((int)step._bits))
                        {
                            return false;
                        }

                        topLogprobs = true;
                        break;
                    case Kind.Logprobs:
                        logprobs = step._bits != 0;
                        break;
                    case Kind.Stop:
                        var count = ((string[])step._value!).Length;
                        if (count < ChatRules.MinStopSequences || count > ChatRules.MaxStopSequences)
                        {
                            return false;
                        }

                        break;
                    case Kind.Stream:
                        stream = step._bits != 0;
                        break;
                    case Kind.StreamOptions:
                        streamOptions = true;
                        break;
                    case Kind.ParallelToolCalls:
                        parallelToolCalls = true;
                        break;
                    case Kind.JsonObjectFormat:
                        jsonObjectFormat = true;
                        break;
                    case Kind.JsonSchemaFormat:
                        if (!ChatRules.IsValidName(((ToolSpec)step._value!).Name))
                        {
                            return false;
                        }

                        break;
                    case Kind.SafetyIdentifier:
                        if (step.Text.Length > ChatRules.MaxSafetyIdentifierLength)
                        {
                            return false;
                        }

                        break;
                    case Kind.PromptCacheOptions:
                        if (((Two)step._value!).B is string ttl && !ChatRules.IsOneOf(ttl, ChatRules.PromptCacheTtlValues))
                        {
                            return false;
                        }

                        break;
                    case Kind.Audio:
                        if ((AudioVoice)((Two)step._value!).A! is { Name: null, Id: null or "" })
                        {
                            return false;
                        }

                        audio = true;
                        break;
                    case Kind.Modalities:
                        audioModality = Array.IndexOf((string[])step._value!, Wire.Of(Modality.Audio)) >= 0;
                        break;
                    case Kind.ToolChoiceMode or Kind.ForceFunction or Kind.ForceCustomTool:
                        toolChoice = step;
                        break;
                    case Kind.FunctionCallMode or Kind.FunctionCallName:
                        functionCall = step;
                        break;
                    case Kind.SystemMessage or Kind.DeveloperMessage or Kind.UserMessage or Kind.AssistantMessage:
                        messages++;
                        break;
                    case Kind.ToolResult or Kind.FunctionResult:
                        messages++;
                        if (((string)((Two)step._value!).A!).Length == 0)
                        {
                            return false;
                        }

                        break;
                    case Kind.LogitBias:
                        if (!ChatRules.LogitBiasTokenId.Allows(step.TokenId) || !ChatRules.LogitBiasValue.Allows(step.Bias))
                        {
                            return false;
                        }

                        break;
                    case Kind.Metadata:
                        var pair = (Two)step._value!;
                        if (++metadata > ChatRules.MaxMetadataPairs
                            || ((string)pair.A!).Length > ChatRules.MaxMetadataKeyLength
                            || ((string)pair.B!).Length > ChatRules.MaxMetadataValueLength)
                        {
                            return false;
                        }

                        break;
                    case Kind.FunctionTool:
                        if (!ChatRules.IsValidName(((ToolSpec)step._value!).Name))
                        {
                            return false;
                        }

                        tools++;
                        break;
                    case Kind.Function:
                        if (!ChatRules.IsValidName(((ToolSpec)step._value!).Name) || ++functions > ChatRules.MaxFunctions)
                        {
                            return false;
                        }

                        break;
                }
            }

            return step._kind == Kind.Model
                && ChatRules.IsValidModel(step.Text)
                && messages > 0
                && (tools < 2 || !DeclaresAToolTwice(tail))
                && (!topLogprobs || logprobs)
                && (!streamOptions || stream)
                && (!parallelToolCalls || tools > 0)
                && (!audioModality || audio)
                && (!jsonObjectFormat || MessagesMentionJson(tail))
                && (toolChoice is null || toolChoice._kind == Kind.ToolChoiceMode
                    || (toolChoice._kind == Kind.ForceFunction && Declares(tail, Kind.FunctionTool, toolChoice.Text)))
                && (functionCall is not { _kind: Kind.FunctionCallName } || Declares(tail, Kind.Function, functionCall.Text));
        }

        /// <summary>Whether any message's text mentions JSON (only asked for JSON mode).</summary>
        private static bool MessagesMentionJson(ChatRequestBuilder tail)
        {
            for (var step = tail; step is not null; step = step._previous)
            {
                var text = step._kind switch
                {
                    Kind.SystemMessage or Kind.DeveloperMessage or Kind.UserMessage or Kind.AssistantMessage => step.MessageText,
                    Kind.ToolResult or Kind.FunctionResult => step.Content,
                    _ => null,
                };
                if (text is not null && ChatRules.MentionsJson(text))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool DeclaresAToolTwice(ChatRequestBuilder tail)
        {
            for (var step = tail; step is not null; step = step._previous)
            {
                if (step._kind == Kind.FunctionTool && Declares(step._previous, Kind.FunctionTool, ((ToolSpec)step._value!).Name))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether <paramref name="from"/> or an earlier step declares a tool or function called <paramref name="name"/>.</summary>
        private static bool Declares(ChatRequestBuilder? from, Kind kind, string name)
        {
            for (var step = from; step is not null; step = step._previous)
            {
                if (step._kind == kind && string.Equals(((ToolSpec)step._value!).Name, name, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }
    }

    // ---- Validate() of a built request ----------------------------------------------------------------------

    /// <summary>
    /// The problems of a request still written from its chain, without making its object model: the chain passed
    /// <see cref="ChainCheck.IsCertainlyValid"/> when it was built, so it has no error, and what remains are the
    /// warnings and information the full validator would add, in its order and with its messages. Null when this
    /// cannot be told from the steps alone (a reasoning model's rules, an unknown deprecated field): the caller then
    /// validates the object model. A test compares both on random chains.
    /// </summary>
    internal static IReadOnlyList<ValidationProblem>? ValidateCheckedChain(ChatRequestBuilder tail)
    {
        var seen = 0UL;
        var functions = false;
        var messages = 0;
        var functionResults = 0;
        var step = tail;
        for (; step._previous is not null; step = step._previous)
        {
            var kind = step._kind;
            var slot = (Slot)SlotTable[(int)kind];
            if (slot < Slot.FirstLogitBias)
            {
                seen |= 1UL << (int)slot;
            }

            switch (kind)
            {
                case Kind.Function:
                    functions = true;
                    break;
                case Kind.SystemMessage or Kind.DeveloperMessage or Kind.UserMessage or Kind.AssistantMessage or Kind.ToolResult:
                    messages++;
                    break;
                case Kind.FunctionResult:
                    messages++;
                    functionResults++;
                    break;
            }
        }

        if (step._kind != Kind.Model || ChatRules.MatchReasoningFamily(ChatRules.ReasoningFamilies, step.Text) is not null)
        {
            return null;
        }

        List<ValidationProblem>? problems = null;
        if (functionResults > 0)
        {
            // CheckMessages: each function message's role, in message order.
            var at = new int[functionResults];
            var index = messages;
            var k = functionResults;
            for (var s = tail; s._previous is not null; s = s._previous)
            {
                switch (s._kind)
                {
                    case Kind.SystemMessage or Kind.DeveloperMessage or Kind.UserMessage or Kind.AssistantMessage or Kind.ToolResult:
                        index--;
                        break;
                    case Kind.FunctionResult:
                        at[--k] = --index;
                        break;
                }
            }

            problems = new List<ValidationProblem>(functionResults + 2);
            foreach (var i in at)
            {
                problems.Add(RequestValidator.Problem(ChatRules.Deprecated, "messages[" + i.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + "].role", RequestValidator.FunctionRoleDeprecatedMessage));
            }
        }

        bool Has(Slot s) => (seen & (1UL << (int)s)) != 0;

        // CheckCrossField (its other rules are errors, which a checked chain has none of), then CheckDeprecated.
        if (Has(Slot.Temperature) && Has(Slot.TopP))
        {
            (problems ??= new List<ValidationProblem>(2)).Add(RequestValidator.Problem(ChatRules.TemperatureWithTopP, "top_p", RequestValidator.TemperatureWithTopPMessage));
        }

        if (Has(Slot.MaxTokens) && Has(Slot.MaxCompletionTokens))
        {
            (problems ??= new List<ValidationProblem>(2)).Add(RequestValidator.Problem(ChatRules.BothTokenCaps, "max_tokens", RequestValidator.BothTokenCapsMessage));
        }

        var deprecated = DeprecatedSlots;
        for (var i = 0; i < deprecated.Length; i++)
        {
            var d = deprecated[i];
            if (d == UnknownDeprecated)
            {
                return null;
            }

            if (d == FunctionsDeprecated ? functions : Has((Slot)d))
            {
                (problems ??= new List<ValidationProblem>(2)).Add(RequestValidator.Problem(ChatRules.Deprecated, ChatRules.DeprecatedFields[i].Key, RequestValidator.DeprecationMessage(i)));
            }
        }

        return problems ?? (IReadOnlyList<ValidationProblem>)Array.Empty<ValidationProblem>();
    }

    private const int FunctionsDeprecated = -1;
    private const int UnknownDeprecated = -2;

    /// <summary>For each entry of <see cref="ChatRules.DeprecatedFields"/>, the slot that holds it (or a marker).</summary>
    private static readonly int[] DeprecatedSlots = MakeDeprecatedSlots();

    private static int[] MakeDeprecatedSlots()
    {
        var slots = new int[ChatRules.DeprecatedFields.Count];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = ChatRules.DeprecatedFields[i].Key switch
            {
                "functions" => FunctionsDeprecated,
                "function_call" => (int)Slot.FunctionCall,
                "max_tokens" => (int)Slot.MaxTokens,
                "user" => (int)Slot.EndUser,
                "seed" => (int)Slot.Seed,
                "prompt_cache_retention" => (int)Slot.PromptCacheRetention,
                _ => UnknownDeprecated,
            };
        }

        return slots;
    }

    // ---- The writer --------------------------------------------------------------------------------------------

    /// <summary>
    /// Writes the request straight from a chain that <see cref="ChainCheck"/> passed, in the member order of
    /// <see cref="RequestWriter"/>, so both give the same bytes.
    /// </summary>
    internal void WriteChain(Utf8JsonWriter w) => WriteChain(new Utf8JsonSink(w));

    /// <summary>Writes the request from this chain to <paramref name="w"/> (see <see cref="WriteChain(Utf8JsonWriter)"/>).</summary>
    internal void WriteChain<TSink>(TSink w)
        where TSink : struct, IJsonSink
    {
        var count = _length;
#if NET
        if (count <= StepsOnStack)
        {
            var buffer = default(StepBuffer);
            WriteSteps(w, ((Span<ChatRequestBuilder>)buffer).Slice(0, count));
            return;
        }
#endif
        var rented = ArrayPool<ChatRequestBuilder>.Shared.Rent(count);
        try
        {
            WriteSteps(w, rented.AsSpan(0, count));
        }
        finally
        {
            Array.Clear(rented, 0, count);
            ArrayPool<ChatRequestBuilder>.Shared.Return(rented);
        }
    }

    /// <summary>Writes the chain ending here, using <paramref name="room"/> (one element per step) for its steps.</summary>
    private void WriteSteps<TSink>(TSink w, Span<ChatRequestBuilder> room)
        where TSink : struct, IJsonSink
    {
        Span<int> last = stackalloc int[(int)Slot.Count];
        if (!IndexSteps(this, room, last))
        {
            throw new InvalidOperationException("Only chains of plain steps are written directly.");
        }

        ReadOnlySpan<ChatRequestBuilder> steps = room;
        w.StartObject();
        w.String(Names.Model, steps[0].Text);
        w.StartArray(Names.Messages);
        for (var i = 1; i < steps.Length; i++)
        {
            if (IsMessage(steps[i]._kind))
            {
                steps[i].WriteMessage(w);
            }
        }

        w.EndArray();
        if (Last(steps, last, Slot.Audio) is { } audio)
        {
            var pair = (Two)audio._value!;
            w.StartObject(Names.Audio);
            w.PropertyName(Names.Voice);
            var voice = (AudioVoice)pair.A!;
            if (voice.Name is { } voiceName)
            {
                w.StringValue(voiceName);
            }
            else
            {
                // An AudioVoice has a name or an id.
                w.StartObject();
                w.String(Names.Id, voice.Id!);
                w.EndObject();
            }

            w.String(Names.Format, (string)pair.B!);
            w.EndObject();
        }

        WriteNumber(w, Names.FrequencyPenalty, Last(steps, last, Slot.FrequencyPenalty));
        if (Last(steps, last, Slot.FunctionCall) is { } functionCall)
        {
            if (functionCall._kind == Kind.FunctionCallMode)
            {
                w.String(Names.FunctionCall, functionCall.Text);
            }
            else
            {
                w.StartObject(Names.FunctionCall);
                w.String(Names.Name, functionCall.Text);
                w.EndObject();
            }
        }

        WriteList(w, steps, last[(int)Slot.FirstFunction], Kind.Function, Names.Functions);
        WriteLogitBias(w, steps, last[(int)Slot.FirstLogitBias]);
        WriteBool(w, Names.Logprobs, Last(steps, last, Slot.Logprobs));
        WriteInt(w, Names.MaxCompletionTokens, Last(steps, last, Slot.MaxCompletionTokens));
        WriteInt(w, Names.MaxTokens, Last(steps, last, Slot.MaxTokens));
        WriteMap(w, steps, last[(int)Slot.FirstMetadata], Kind.Metadata, Names.Metadata);
        if (Last(steps, last, Slot.Modalities) is { } modalities)
        {
            w.StartArray(Names.Modalities);
            foreach (var modality in (string[])modalities._value!)
            {
                w.StringValue(modality);
            }

            w.EndArray();
        }

        WriteInt(w, Names.N, Last(steps, last, Slot.N));
        WriteBool(w, Names.ParallelToolCalls, Last(steps, last, Slot.ParallelToolCalls));
        if (Last(steps, last, Slot.Prediction) is { } prediction)
        {
            w.StartObject(Names.Prediction);
            w.String(Names.Type, WireText.Content);
            w.String(Names.Content, prediction.Text);
            w.EndObject();
        }

        WriteNumber(w, Names.PresencePenalty, Last(steps, last, Slot.PresencePenalty));
        WriteString(w, Names.PromptCacheKey, Last(steps, last, Slot.PromptCacheKey));
        if (Last(steps, last, Slot.PromptCacheOptions) is { } cache)
        {
            var pair = (Two)cache._value!;
            w.StartObject(Names.PromptCacheOptions);
            if (pair.B is string ttl)
            {
                w.String(Names.Ttl, ttl);
            }

            if (pair.A is string mode)
            {
                w.String(Names.Mode, mode);
            }

            w.EndObject();
        }

        WriteString(w, Names.PromptCacheRetention, Last(steps, last, Slot.PromptCacheRetention));
        WriteString(w, Names.ReasoningEffort, Last(steps, last, Slot.ReasoningEffort));
        if (Last(steps, last, Slot.ResponseFormat) is { } format)
        {
            w.StartObject(Names.ResponseFormat);
            switch (format._kind)
            {
                case Kind.TextFormat:
                    w.String(Names.Type, WireText.Text);
                    break;
                case Kind.JsonObjectFormat:
                    w.String(Names.Type, WireText.JsonObject);
                    break;
                default:
                    w.String(Names.Type, WireText.JsonSchema);
                    w.PropertyName(Names.JsonSchema);
                    WriteSpec(w, (ToolSpec)format._value!, Names.Schema, withStrict: true);
                    break;
            }

            w.EndObject();
        }

        WriteString(w, Names.SafetyIdentifier, Last(steps, last, Slot.SafetyIdentifier));
        if (Last(steps, last, Slot.Seed) is { } seed)
        {
            w.Number(Names.Seed, seed._bits);
        }

        WriteString(w, Names.ServiceTier, Last(steps, last, Slot.ServiceTier));
        if (Last(steps, last, Slot.Stop) is { } stop)
        {
            w.StartArray(Names.Stop);
            foreach (var sequence in (string[])stop._value!)
            {
                w.StringValue(sequence);
            }

            w.EndArray();
        }

        WriteBool(w, Names.Store, Last(steps, last, Slot.Store));
        WriteBool(w, Names.Stream, Last(steps, last, Slot.Stream));
        if (Last(steps, last, Slot.StreamOptions) is { } streamOptions)
        {
            w.StartObject(Names.StreamOptions);
            if (FromTri(streamOptions._bits >> 2) is { } usage)
            {
                w.Boolean(Names.IncludeUsage, usage);
            }

            if (FromTri(streamOptions._bits) is { } obfuscation)
            {
                w.Boolean(Names.IncludeObfuscation, obfuscation);
            }

            w.EndObject();
        }

        WriteNumber(w, Names.Temperature, Last(steps, last, Slot.Temperature));
        if (Last(steps, last, Slot.ToolChoice) is { } choice)
        {
            switch (choice._kind)
            {
                case Kind.ToolChoiceMode:
                    w.String(Names.ToolChoice, choice.Text);
                    break;
                default:
                    var isFunction = choice._kind == Kind.ForceFunction;
                    w.StartObject(Names.ToolChoice);
                    w.String(Names.Type, isFunction ? WireText.Function : WireText.Custom);
                    w.StartObject(isFunction ? Names.Function : Names.Custom);
                    w.String(Names.Name, choice.Text);
                    w.EndObject();
                    w.EndObject();
                    break;
            }
        }

        WriteList(w, steps, last[(int)Slot.FirstFunctionTool], Kind.FunctionTool, Names.Tools);
        WriteInt(w, Names.TopLogprobs, Last(steps, last, Slot.TopLogprobs));
        WriteNumber(w, Names.TopP, Last(steps, last, Slot.TopP));
        WriteString(w, Names.User, Last(steps, last, Slot.EndUser));
        WriteString(w, Names.Verbosity, Last(steps, last, Slot.Verbosity));
        WriteExtras(w, steps, last[(int)Slot.FirstExtra]);
        w.EndObject();
    }

    /// <summary>The constant string values the chain writer writes.</summary>
    private static class WireText
    {
        public static readonly JsonRole System = new("system");
        public static readonly JsonRole Developer = new("developer");
        public static readonly JsonRole User = new("user");
        public static readonly JsonRole Assistant = new("assistant");
        public static readonly JsonConstant Tool = new("tool");
        public static readonly JsonConstant Function = new("function");
        public static readonly JsonConstant Custom = new("custom");
        public static readonly JsonConstant Content = new("content");
        public static readonly JsonConstant Text = new("text");
        public static readonly JsonConstant JsonObject = new("json_object");
        public static readonly JsonConstant JsonSchema = new("json_schema");
    }

    private static ChatRequestBuilder? Last(ReadOnlySpan<ChatRequestBuilder> steps, Span<int> last, Slot slot) =>
        last[(int)slot] is var index and >= 0 ? steps[index] : null;

    private void WriteMessage<TSink>(TSink w)
        where TSink : struct, IJsonSink
    {
        if (_kind is Kind.ToolResult or Kind.FunctionResult)
        {
            var pair = (Two)_value!;
            w.StartObject();
            if (_kind == Kind.ToolResult)
            {
                w.String(Names.Role, WireText.Tool);
                w.String(Names.ToolCallId, (string)pair.A!);
            }
            else
            {
                w.String(Names.Role, WireText.Function);
                w.String(Names.Name, (string)pair.A!);
            }

            w.String(Names.Content, (string)pair.B!);
            w.EndObject();
            return;
        }

        var role = _kind switch
        {
            Kind.SystemMessage => WireText.System,
            Kind.DeveloperMessage => WireText.Developer,
            Kind.UserMessage => WireText.User,
            _ => WireText.Assistant,
        };
        if (_value is string text)
        {
            w.Message(role, text);
            return;
        }

        var named = (Two)_value!;
        w.StartObject();
        w.String(Names.Role, role.Value);
        if (named.B is string name)
        {
            w.String(Names.Name, name);
        }

        w.String(Names.Content, (string)named.A!);
        w.EndObject();
    }

    private static void WriteNumber<TSink>(TSink w, JsonEncodedText name, ChatRequestBuilder? step)
        where TSink : struct, IJsonSink
    {
        if (step is not null)
        {
            w.Number(name, step.Number);
        }
    }

    private static void WriteInt<TSink>(TSink w, JsonEncodedText name, ChatRequestBuilder? step)
        where TSink : struct, IJsonSink
    {
        if (step is not null)
        {
            w.Number(name, (long)(int)step._bits);
        }
    }

    private static void WriteBool<TSink>(TSink w, JsonEncodedText name, ChatRequestBuilder? step)
        where TSink : struct, IJsonSink
    {
        if (step is not null)
        {
            w.Boolean(name, step._bits != 0);
        }
    }

    private static void WriteString<TSink>(TSink w, JsonEncodedText name, ChatRequestBuilder? step)
        where TSink : struct, IJsonSink
    {
        if (step is not null)
        {
            w.String(name, step.Text);
        }
    }

    private static void WriteSpec<TSink>(TSink w, ToolSpec spec, JsonEncodedText schemaName, bool withStrict)
        where TSink : struct, IJsonSink
    {
        w.StartObject();
        w.String(Names.Name, spec.Name);
        if (spec.Description is { } description)
        {
            w.String(Names.Description, description);
        }

        if (spec.Schema is { } schema)
        {
            w.PropertyName(schemaName);
            w.RawValue(schema.Utf8);
        }

        if (withStrict && spec.Strict is { } strict)
        {
            w.Boolean(Names.Strict, strict);
        }

        w.EndObject();
    }

    /// <summary>Writes <c>tools</c> (function tools) or <c>functions</c>, in call order.</summary>
    private static void WriteList<TSink>(TSink w, ReadOnlySpan<ChatRequestBuilder> steps, int first, Kind kind, JsonEncodedText name)
        where TSink : struct, IJsonSink
    {
        if (first < 0)
        {
            return;
        }

        w.StartArray(name);
        for (var i = first; i < steps.Length; i++)
        {
            var step = steps[i];
            if (step._kind != kind)
            {
                continue;
            }

            var spec = (ToolSpec)step._value!;
            if (kind == Kind.FunctionTool)
            {
                w.StartObject();
                w.String(Names.Type, WireText.Function);
                w.PropertyName(Names.Function);
                WriteSpec(w, spec, Names.Parameters, withStrict: true);
                w.EndObject();
            }
            else
            {
                WriteSpec(w, spec, Names.Parameters, withStrict: false);
            }
        }

        w.EndArray();
    }

    /// <summary>Writes <c>logit_bias</c> as a map: first position of each token id, its last bias.</summary>
    private static void WriteLogitBias<TSink>(TSink w, ReadOnlySpan<ChatRequestBuilder> steps, int first)
        where TSink : struct, IJsonSink
    {
        if (first < 0)
        {
            return;
        }

        // The entries (token id in the high half, bias in the low half) in call order, compared without the steps.
        var most = steps.Length - first;
        Span<long> entries = most <= 64 ? stackalloc long[most] : new long[most];
        var count = 0;
        for (var i = first; i < steps.Length; i++)
        {
            if (steps[i]._kind == Kind.LogitBias)
            {
                entries[count++] = steps[i]._bits;
            }
        }

        w.StartObject(Names.LogitBias);
        for (var i = 0; i < count; i++)
        {
            var token = (int)(entries[i] >> 32);
            if (!IsFirstOfToken(entries, i, token))
            {
                continue;
            }

            var bias = (int)entries[i];
            for (var later = i + 1; later < count; later++)
            {
                if ((int)(entries[later] >> 32) == token)
                {
                    bias = (int)entries[later];
                }
            }

            w.Number(token, bias);
        }

        w.EndObject();
    }

    private static bool IsFirstOfToken(Span<long> entries, int index, int token)
    {
        for (var earlier = 0; earlier < index; earlier++)
        {
            if ((int)(entries[earlier] >> 32) == token)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Writes <c>metadata</c> as a map: first position of each key, its last value.</summary>
    private static void WriteMap<TSink>(TSink w, ReadOnlySpan<ChatRequestBuilder> steps, int first, Kind kind, JsonEncodedText name)
        where TSink : struct, IJsonSink
    {
        if (first < 0)
        {
            return;
        }

        w.StartObject(name);
        for (var i = first; i < steps.Length; i++)
        {
            if (steps[i]._kind != kind || IsShadowed(steps, first, i, kind))
            {
                continue;
            }

            var pair = (Two)LastOfKey(steps, i, kind)._value!;
            w.PropertyName((string)((Two)steps[i]._value!).A!);
            w.StringValue((string)pair.B!);
        }

        w.EndObject();
    }

    /// <summary>Writes the extra members: first position of each name, its last value.</summary>
    private static void WriteExtras<TSink>(TSink w, ReadOnlySpan<ChatRequestBuilder> steps, int first)
        where TSink : struct, IJsonSink
    {
        if (first < 0)
        {
            return;
        }

        for (var i = first; i < steps.Length; i++)
        {
            if (steps[i]._kind != Kind.Extra || IsShadowed(steps, first, i, Kind.Extra))
            {
                continue;
            }

            var pair = (Two)LastOfKey(steps, i, Kind.Extra)._value!;
            w.PropertyName((string)pair.A!);
            w.Value((JsonElement)pair.B!);
        }
    }

    /// <summary>Whether an earlier step of the same kind has the same key (metadata key or extra name).</summary>
    private static bool IsShadowed(ReadOnlySpan<ChatRequestBuilder> steps, int first, int index, Kind kind)
    {
        for (var i = first; i < index; i++)
        {
            if (steps[i]._kind == kind && SameKey(steps[i], steps[index]))
            {
                return true;
            }
        }

        return false;
    }

    private static ChatRequestBuilder LastOfKey(ReadOnlySpan<ChatRequestBuilder> steps, int index, Kind kind)
    {
        var result = steps[index];
        for (var i = index + 1; i < steps.Length; i++)
        {
            if (steps[i]._kind == kind && SameKey(steps[i], steps[index]))
            {
                result = steps[i];
            }
        }

        return result;
    }

    private static bool SameKey(ChatRequestBuilder a, ChatRequestBuilder b) =>
        string.Equals((string)((Two)a._value!).A!, (string)((Two)b._value!).A!, StringComparison.Ordinal);
}
