using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ChatRequest.Serialization;
using ChatRequest.Validation;

namespace ChatRequest;

/// <summary>
/// An immutable, thread-safe builder of <see cref="CreateChatCompletionRequest"/>. Start one with
/// <see cref="Chat.With(string)"/>. Every method returns a new builder and leaves this one unchanged, so a partial
/// chain held in a variable can be branched and shared across threads. <see cref="Build"/> validates.
/// </summary>
/// <remarks>
/// Each call costs one small object that points to the previous step; <see cref="Build"/> replays the steps into a
/// fresh request. Settings called twice keep the later value; messages, logit biases, metadata, tools and functions
/// accumulate in call order. Values are checked at <see cref="Build"/>, which reports every problem at once.
/// </remarks>
public sealed partial class ChatRequestBuilder
{
    private readonly ChatRequestBuilder? _previous;
    private readonly object? _value;
    private readonly long _bits;
    private readonly Kind _kind;

    /// <summary>How many steps the chain ending here has (it fits in the object's padding).</summary>
    private readonly int _length;

    private ChatRequestBuilder(ChatRequestBuilder? previous, Kind kind, object? value, long bits)
    {
        _previous = previous;
        _length = previous is null ? 1 : previous._length + 1;
        _kind = kind;
        _value = value;
        _bits = bits;
    }

    private double Number => BitConverter.Int64BitsToDouble(_bits);

    private string Text => (string)_value!;

    internal static ChatRequestBuilder Start(string model) => new(null, Kind.Model, model, 0);

    /// <summary>
    /// Starts a builder from an existing request, e.g. one parsed from JSON: every member (unknown ones included) is
    /// kept, and further calls append messages or change settings. The request is copied; changing it later does not
    /// change the builder.
    /// </summary>
    /// <param name="request">The request to continue.</param>
    /// <returns>A builder whose <see cref="Build"/> gives a request equal to <paramref name="request"/> plus the later calls.</returns>
    public static ChatRequestBuilder From(CreateChatCompletionRequest request) =>
        new(null, Kind.FromRequest, Snapshot.Freeze(NotNull(request, nameof(request)), nameof(request)), 0);

    private ChatRequestBuilder Then(Kind kind, object? value = null, long bits = 0) => new(this, kind, value, bits);

    private ChatRequestBuilder ThenNumber(Kind kind, double value) => new(this, kind, null, BitConverter.DoubleToInt64Bits(value));

    private static object Named(string content, string? name) => name is null ? content : new Two(content, name);

    private static T NotNull<T>(T? value, string parameterName)
        where T : class => value ?? throw new ArgumentNullException(parameterName);

    // ---- Messages ------------------------------------------------------------------------------------------

    /// <summary>Appends a system message.</summary>
    /// <param name="content">The instructions.</param>
    /// <param name="name">An optional participant name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder System(string content, string? name = null) =>
        Then(Kind.SystemMessage, Named(NotNull(content, nameof(content)), name));

    /// <summary>Appends a developer message (instructions for o1 and newer models).</summary>
    /// <param name="content">The instructions.</param>
    /// <param name="name">An optional participant name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Developer(string content, string? name = null) =>
        Then(Kind.DeveloperMessage, Named(NotNull(content, nameof(content)), name));

    /// <summary>Appends a user message with text.</summary>
    /// <param name="content">The text.</param>
    /// <param name="name">An optional participant name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder User(string content, string? name = null) =>
        Then(Kind.UserMessage, Named(NotNull(content, nameof(content)), name));

    /// <summary>Appends a user message made of parts: text, images, audio and files (see the <see cref="ContentPart"/> factories).</summary>
    /// <param name="parts">The parts, in order; they are copied.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder User(params ContentPart[] parts) =>
        Message(new UserMessage { Content = new MessageContent(NotNull(parts, nameof(parts))) });

    /// <summary>Appends a user message made of parts, with a participant name.</summary>
    /// <param name="parts">The parts, in order; they are copied.</param>
    /// <param name="name">An optional participant name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder User(IEnumerable<ContentPart> parts, string? name = null) =>
        Message(new UserMessage { Content = new MessageContent(NotNull(parts, nameof(parts))), Name = name });

    /// <summary>Appends an assistant message with text (an earlier answer of the model).</summary>
    /// <param name="content">The text.</param>
    /// <param name="name">An optional participant name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Assistant(string content, string? name = null) =>
        Then(Kind.AssistantMessage, Named(NotNull(content, nameof(content)), name));

    /// <summary>Appends an assistant message that holds the tool calls the model made (see <see cref="ToolCall.ForFunction"/>).</summary>
    /// <param name="toolCalls">The calls, in order; they are copied.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder AssistantToolCalls(params ToolCall[] toolCalls) =>
        Message(new AssistantMessage { ToolCalls = new List<ToolCall>(NotNull(toolCalls, nameof(toolCalls))) });

    /// <summary>Appends a tool message: the result of the tool call with id <paramref name="toolCallId"/>.</summary>
    /// <param name="toolCallId">The id of the call this answers.</param>
    /// <param name="content">The result.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ToolResult(string toolCallId, string content) =>
        Then(Kind.ToolResult, new Two(NotNull(toolCallId, nameof(toolCallId)), NotNull(content, nameof(content))));

    /// <summary>Appends a function message: the result of a legacy function call (deprecated; use <see cref="ToolResult"/>).</summary>
    /// <param name="name">The function's name.</param>
    /// <param name="content">The result.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder FunctionResult(string name, string content) =>
        Then(Kind.FunctionResult, new Two(NotNull(name, nameof(name)), NotNull(content, nameof(content))));

    /// <summary>Appends any message, e.g. one read from a stored conversation. The message is copied.</summary>
    /// <param name="message">The message.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentException">The message's JSON repeats a member (e.g. an additional property named like a known one).</exception>
    public ChatRequestBuilder Message(ChatMessage message) =>
        Then(Kind.MessageSnapshot, Snapshot.Freeze(NotNull(message, nameof(message)), nameof(message)));

    // ---- Sampling --------------------------------------------------------------------------------------------

    /// <summary>Sets <c>temperature</c> (0 to 2): sampling randomness. Set this or <see cref="TopP"/>, not both.</summary>
    /// <param name="temperature">The temperature.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Temperature(double temperature) =>
        ThenNumber(Kind.Temperature, temperature);

    /// <summary>Sets <c>top_p</c> (0 to 1): nucleus sampling. Set this or <see cref="Temperature"/>, not both.</summary>
    /// <param name="topP">The probability mass to sample from.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder TopP(double topP) =>
        ThenNumber(Kind.TopP, topP);

    /// <summary>Sets <c>frequency_penalty</c> (-2 to 2).</summary>
    /// <param name="frequencyPenalty">The penalty.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder FrequencyPenalty(double frequencyPenalty) =>
        ThenNumber(Kind.FrequencyPenalty, frequencyPenalty);

    /// <summary>Sets <c>presence_penalty</c> (-2 to 2).</summary>
    /// <param name="presencePenalty">The penalty.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder PresencePenalty(double presencePenalty) =>
        ThenNumber(Kind.PresencePenalty, presencePenalty);

    /// <summary>Adds one <c>logit_bias</c> entry; call it once per token.</summary>
    /// <param name="tokenId">The token id (0 or more).</param>
    /// <param name="bias">The bias, -100 (ban) to 100 (force).</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder LogitBias(int tokenId, int bias) =>
        Then(Kind.LogitBias, bits: ((long)tokenId << 32) | (uint)bias);

    /// <summary>Sets <c>max_tokens</c> (deprecated; prefer <see cref="MaxCompletionTokens"/>).</summary>
    /// <param name="maxTokens">The cap, 1 or more.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder MaxTokens(int maxTokens) =>
        Then(Kind.MaxTokens, bits: maxTokens);

    /// <summary>Sets <c>max_completion_tokens</c>: the cap on generated tokens, reasoning included.</summary>
    /// <param name="maxCompletionTokens">The cap, 1 or more.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder MaxCompletionTokens(int maxCompletionTokens) =>
        Then(Kind.MaxCompletionTokens, bits: maxCompletionTokens);

    /// <summary>Sets <c>n</c> (1 to 128): how many choices to generate.</summary>
    /// <param name="n">The number of choices.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder N(int n) =>
        Then(Kind.N, bits: n);

    /// <summary>Sets <c>stop</c>: 1 to 4 sequences that end generation. One call sets the whole list.</summary>
    /// <param name="sequences">The sequences; they are copied.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Stop(params string[] sequences)
    {
        var copy = (string[])NotNull(sequences, nameof(sequences)).Clone();
        foreach (var sequence in copy)
        {
            if (sequence is null)
            {
                throw new ArgumentException("Stop sequences must not be null.", nameof(sequences));
            }
        }

        return Then(Kind.Stop, copy);
    }

    /// <summary>Sets <c>stream</c>: send the answer as server-sent events.</summary>
    /// <param name="stream">Whether to stream.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Stream(bool stream = true) =>
        Then(Kind.Stream, bits: stream ? 1 : 0);

    /// <summary>Sets <c>stream_options</c> (only with <see cref="Stream"/>). Members left null are not sent.</summary>
    /// <param name="includeUsage">Send a final chunk with token usage (opt in).</param>
    /// <param name="includeObfuscation">Pad deltas with random obfuscation (the API's default is on).</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder StreamOptions(bool? includeUsage = null, bool? includeObfuscation = null) =>
        Then(Kind.StreamOptions, bits: (Tri(includeUsage) << 2) | Tri(includeObfuscation));

    /// <summary>Sets <c>user</c> (deprecated; prefer <see cref="SafetyIdentifier"/> and <see cref="PromptCacheKey"/>).</summary>
    /// <param name="user">The end user's id.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder EndUser(string user) =>
        Then(Kind.EndUser, NotNull(user, nameof(user)));

    /// <summary>Sets <c>seed</c> (deprecated): best-effort repeatable sampling.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Seed(long seed) =>
        Then(Kind.Seed, bits: seed);

    /// <summary>Sets <c>logprobs</c>: return the log-probability of each output token.</summary>
    /// <param name="logprobs">Whether to return log-probabilities.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Logprobs(bool logprobs = true) =>
        Then(Kind.Logprobs, bits: logprobs ? 1 : 0);

    /// <summary>Sets <c>top_logprobs</c> (0 to 20; needs <see cref="Logprobs"/>).</summary>
    /// <param name="topLogprobs">How many alternatives to return per token.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder TopLogprobs(int topLogprobs) =>
        Then(Kind.TopLogprobs, bits: topLogprobs);

    // ---- Tools ---------------------------------------------------------------------------------------------

    /// <summary>Declares a function tool whose parameters are a JSON Schema given as text.</summary>
    /// <param name="name">The function name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="description">What the function does.</param>
    /// <param name="parametersJson">The parameters' JSON Schema (an object), or null for no parameters.</param>
    /// <param name="strict">Whether the model must follow the schema exactly.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="parametersJson"/> is not a JSON object, or repeats a member in one object.</exception>
    public ChatRequestBuilder Tool(string name, string? description = null, string? parametersJson = null, bool? strict = null) =>
        AddTool(name, description, parametersJson is null ? null : JsonText.CompactObject(parametersJson, nameof(parametersJson)), strict);

    /// <summary>Declares a function tool whose parameters are a JSON Schema given as a <see cref="JsonElement"/>.</summary>
    /// <param name="name">The function name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="description">What the function does.</param>
    /// <param name="parameters">The parameters' JSON Schema (an object).</param>
    /// <param name="strict">Whether the model must follow the schema exactly.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Tool(string name, string? description, JsonElement parameters, bool? strict = null) =>
        AddTool(name, description, JsonText.CompactObject(parameters, nameof(parameters)), strict);

    /// <summary>Declares a function tool whose parameters are a JSON Schema given as a <see cref="JsonNode"/>.</summary>
    /// <param name="name">The function name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="description">What the function does.</param>
    /// <param name="parameters">The parameters' JSON Schema (an object); it is copied.</param>
    /// <param name="strict">Whether the model must follow the schema exactly.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Tool(string name, string? description, JsonNode parameters, bool? strict = null) =>
        AddTool(name, description, JsonText.CompactObject(NotNull(parameters, nameof(parameters)), nameof(parameters)), strict);

    private ChatRequestBuilder AddTool(string name, string? description, CompactJson? parameters, bool? strict) =>
        Then(Kind.FunctionTool, new ToolSpec(NotNull(name, nameof(name)), description, parameters, strict));

    /// <summary>Declares a custom tool that the model calls with free text.</summary>
    /// <param name="name">The tool's name.</param>
    /// <param name="description">What the tool does.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder CustomTool(string name, string? description = null) =>
        AddCustomTool(new CustomToolDefinition { Name = NotNull(name, nameof(name)), Description = description });

    /// <summary>Declares a custom tool whose input must follow a grammar.</summary>
    /// <param name="name">The tool's name.</param>
    /// <param name="description">What the tool does.</param>
    /// <param name="grammar">The grammar text.</param>
    /// <param name="syntax">The grammar's syntax.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder CustomTool(string name, string? description, string grammar, GrammarSyntax syntax) =>
        AddCustomTool(new CustomToolDefinition
        {
            Name = NotNull(name, nameof(name)),
            Description = description,
            Format = new GrammarToolFormat { Grammar = new GrammarDefinition { Definition = NotNull(grammar, nameof(grammar)), Syntax = Wire.Of(syntax) } },
        });

    private ChatRequestBuilder AddCustomTool(CustomToolDefinition definition) =>
        Tool(new CustomTool { Custom = definition });

    /// <summary>Declares any tool (function or custom). The tool is copied.</summary>
    /// <param name="tool">The tool.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Tool(ChatTool tool) =>
        Then(Kind.ToolSnapshot, Snapshot.Freeze(NotNull(tool, nameof(tool)), nameof(tool)));

    /// <summary>Sets <c>tool_choice</c> to a mode: none, auto or required.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ToolChoice(ToolChoiceMode mode) =>
        Then(Kind.ToolChoiceMode, Wire.Of(mode));

    /// <summary>Sets <c>tool_choice</c> (see <see cref="ChatRequest.ToolChoice.ForFunction"/> and the other factories). It is copied.</summary>
    /// <param name="choice">The choice.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ToolChoice(ToolChoice choice) =>
        Then(Kind.ToolChoiceSnapshot, Snapshot.Freeze(NotNull(choice, nameof(choice)), nameof(choice)));

    /// <summary>Sets <c>tool_choice</c> so that the model must call the named function tool.</summary>
    /// <param name="name">The function's name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ForceFunction(string name) =>
        Then(Kind.ForceFunction, NotNull(name, nameof(name)));

    /// <summary>Sets <c>tool_choice</c> so that the model must call the named custom tool.</summary>
    /// <param name="name">The custom tool's name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ForceCustomTool(string name) =>
        Then(Kind.ForceCustomTool, NotNull(name, nameof(name)));

    /// <summary>
    /// Sets <c>tool_choice</c> to <c>allowed_tools</c>: the model may only use the named function tools, and with
    /// <see cref="ToolChoiceMode.Required"/> must call one of them.
    /// </summary>
    /// <param name="mode"><see cref="ToolChoiceMode.Auto"/> or <see cref="ToolChoiceMode.Required"/>.</param>
    /// <param name="functionNames">The function tools the model may use.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder AllowedTools(ToolChoiceMode mode, params string[] functionNames)
    {
        var tools = new List<JsonElement>(NotNull(functionNames, nameof(functionNames)).Length);
        foreach (var name in functionNames)
        {
            var tool = new FunctionTool { Function = new FunctionDefinition { Name = NotNull(name, nameof(functionNames)) } };
            tools.Add(Snapshot.Freeze<ChatTool>(tool));
        }

        var choice = new ToolChoice { Type = "allowed_tools", AllowedTools = new AllowedTools { Mode = Wire.Of(mode), Tools = tools } };
        return ToolChoice(choice);
    }

    /// <summary>Sets <c>parallel_tool_calls</c> (only with tools).</summary>
    /// <param name="enabled">Whether the model may make several tool calls in one turn.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ParallelToolCalls(bool enabled = true) =>
        Then(Kind.ParallelToolCalls, bits: enabled ? 1 : 0);

    /// <summary>Declares a function in the deprecated <c>functions</c> list (prefer <see cref="Tool(string, string?, string?, bool?)"/>).</summary>
    /// <param name="name">The function name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="description">What the function does.</param>
    /// <param name="parametersJson">The parameters' JSON Schema (an object), or null for no parameters.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Function(string name, string? description = null, string? parametersJson = null) =>
        Then(Kind.Function, new ToolSpec(NotNull(name, nameof(name)), description, parametersJson is null ? null : JsonText.CompactObject(parametersJson, nameof(parametersJson)), null));

    /// <summary>Sets the deprecated <c>function_call</c> to a mode (prefer <see cref="ToolChoice(ToolChoiceMode)"/>).</summary>
    /// <param name="mode">none or auto.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder FunctionCall(FunctionCallMode mode) =>
        Then(Kind.FunctionCallMode, Wire.Of(mode));

    /// <summary>Sets the deprecated <c>function_call</c> to force the named function (prefer <see cref="ForceFunction"/>).</summary>
    /// <param name="name">The function's name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder FunctionCall(string name) =>
        Then(Kind.FunctionCallName, NotNull(name, nameof(name)));

    // ---- Output format -------------------------------------------------------------------------------------

    /// <summary>Sets <c>response_format</c> to plain text.</summary>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder TextFormat() =>
        Then(Kind.TextFormat);

    /// <summary>Sets <c>response_format</c> to JSON mode (<c>json_object</c>). A message must ask for JSON.</summary>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder JsonObjectFormat() =>
        Then(Kind.JsonObjectFormat);

    /// <summary>Sets <c>response_format</c> to Structured Outputs with a JSON Schema given as text.</summary>
    /// <param name="name">The schema's name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="schemaJson">The JSON Schema (an object).</param>
    /// <param name="strict">Whether the model must follow the schema exactly.</param>
    /// <param name="description">What the format is for.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder JsonSchemaFormat(string name, string schemaJson, bool? strict = true, string? description = null) =>
        AddSchemaFormat(name, JsonText.CompactObject(NotNull(schemaJson, nameof(schemaJson)), nameof(schemaJson)), strict, description);

    /// <summary>Sets <c>response_format</c> to Structured Outputs with a JSON Schema given as a <see cref="JsonElement"/>.</summary>
    /// <param name="name">The schema's name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="schema">The JSON Schema (an object).</param>
    /// <param name="strict">Whether the model must follow the schema exactly.</param>
    /// <param name="description">What the format is for.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder JsonSchemaFormat(string name, JsonElement schema, bool? strict = true, string? description = null) =>
        AddSchemaFormat(name, JsonText.CompactObject(schema, nameof(schema)), strict, description);

    /// <summary>Sets <c>response_format</c> to Structured Outputs with a JSON Schema given as a <see cref="JsonNode"/>.</summary>
    /// <param name="name">The schema's name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="schema">The JSON Schema (an object); it is copied.</param>
    /// <param name="strict">Whether the model must follow the schema exactly.</param>
    /// <param name="description">What the format is for.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder JsonSchemaFormat(string name, JsonNode schema, bool? strict = true, string? description = null) =>
        AddSchemaFormat(name, JsonText.CompactObject(NotNull(schema, nameof(schema)), nameof(schema)), strict, description);

    private ChatRequestBuilder AddSchemaFormat(string name, CompactJson schema, bool? strict, string? description) =>
        Then(Kind.JsonSchemaFormat, new ToolSpec(NotNull(name, nameof(name)), description, schema, strict));

    /// <summary>Sets <c>response_format</c> to any format. It is copied.</summary>
    /// <param name="format">The format.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ResponseFormat(ResponseFormat format) =>
        Then(Kind.ResponseFormatSnapshot, Snapshot.Freeze(NotNull(format, nameof(format)), nameof(format)));

    /// <summary>Sets <c>modalities</c>: the output kinds (audio output also needs <see cref="Audio"/>).</summary>
    /// <param name="modalities">The kinds, e.g. <see cref="Modality.Text"/> and <see cref="Modality.Audio"/>.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Modalities(params Modality[] modalities)
    {
        var wire = new string[NotNull(modalities, nameof(modalities)).Length];
        for (var i = 0; i < wire.Length; i++)
        {
            wire[i] = Wire.Of(modalities[i]);
        }

        return Then(Kind.Modalities, wire);
    }

    /// <summary>Sets <c>audio</c>: voice and format of spoken output.</summary>
    /// <param name="voice">A built-in voice name such as <c>alloy</c>, or <see cref="AudioVoice.Custom"/>.</param>
    /// <param name="format">The output format.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Audio(AudioVoice voice, AudioFormat format) =>
        Then(Kind.Audio, new Two(NotNull(voice, nameof(voice)), Wire.Of(format)));

    /// <summary>Sets <c>prediction</c>: text the answer will mostly repeat (e.g. a file being edited).</summary>
    /// <param name="content">The predicted text.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Prediction(string content) =>
        Then(Kind.Prediction, NotNull(content, nameof(content)));

    /// <summary>Sets <c>verbosity</c>.</summary>
    /// <param name="verbosity">How long or terse the answer should be.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Verbosity(Verbosity verbosity) =>
        Then(Kind.Verbosity, Wire.Of(verbosity));

    /// <summary>Sets <c>reasoning_effort</c> (reasoning models only).</summary>
    /// <param name="effort">How much reasoning to spend.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ReasoningEffort(ReasoningEffort effort) =>
        Then(Kind.ReasoningEffort, Wire.Of(effort));

    // ---- Account, caching, safety --------------------------------------------------------------------------

    /// <summary>Adds one <c>metadata</c> pair (at most 16; keys up to 64, values up to 512 characters).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Metadata(string key, string value) =>
        Then(Kind.Metadata, new Two(NotNull(key, nameof(key)), NotNull(value, nameof(value))));

    /// <summary>Sets <c>service_tier</c>.</summary>
    /// <param name="tier">The processing tier.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ServiceTier(ServiceTier tier) =>
        Then(Kind.ServiceTier, Wire.Of(tier));

    /// <summary>Sets <c>safety_identifier</c>: a stable id of the end user (at most 64 characters), ideally a hash.</summary>
    /// <param name="safetyIdentifier">The identifier.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder SafetyIdentifier(string safetyIdentifier) =>
        Then(Kind.SafetyIdentifier, NotNull(safetyIdentifier, nameof(safetyIdentifier)));

    /// <summary>Sets <c>prompt_cache_key</c>: a caching hint that groups similar requests.</summary>
    /// <param name="promptCacheKey">The key.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder PromptCacheKey(string promptCacheKey) =>
        Then(Kind.PromptCacheKey, NotNull(promptCacheKey, nameof(promptCacheKey)));

    /// <summary>Sets <c>prompt_cache_options</c> (gpt-5.6 and later). Members left null are not sent.</summary>
    /// <param name="mode">implicit or explicit breakpoints.</param>
    /// <param name="ttl">The minimum cache lifetime; the API accepts only <c>30m</c>.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder PromptCacheOptions(PromptCacheMode? mode = null, string? ttl = null) =>
        Then(Kind.PromptCacheOptions, new Two(mode is { } m ? Wire.Of(m) : null, ttl));

    /// <summary>Sets the deprecated <c>prompt_cache_retention</c> (prefer <see cref="PromptCacheOptions"/>).</summary>
    /// <param name="retention">in_memory or 24h.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder PromptCacheRetention(PromptCacheRetention retention) =>
        Then(Kind.PromptCacheRetention, Wire.Of(retention));

    /// <summary>Sets <c>store</c>: keep the completion for distillation and evals.</summary>
    /// <param name="store">Whether to store it.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Store(bool store = true) =>
        Then(Kind.Store, bits: store ? 1 : 0);

    /// <summary>Sets <c>web_search_options</c>. Members left null are not sent.</summary>
    /// <param name="searchContextSize">How much context search results may use.</param>
    /// <param name="country">Two-letter ISO country code of the user.</param>
    /// <param name="region">Region of the user.</param>
    /// <param name="city">City of the user.</param>
    /// <param name="timezone">IANA time zone of the user.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder WebSearchOptions(SearchContextSize? searchContextSize = null, string? country = null, string? region = null, string? city = null, string? timezone = null)
    {
        var options = new WebSearchOptions { SearchContextSize = searchContextSize is { } size ? Wire.Of(size) : null };
        if (country is not null || region is not null || city is not null || timezone is not null)
        {
            options.UserLocation = new WebSearchUserLocation
            {
                Type = "approximate",
                Approximate = new ApproximateLocation { Country = country, Region = region, City = city, Timezone = timezone },
            };
        }

        return Then(Kind.WebSearchSnapshot, Snapshot.Freeze(options));
    }

    /// <summary>Sets <c>moderation</c>: moderation of the input and the generated output.</summary>
    /// <param name="model">The moderation model, e.g. <c>omni-moderation-latest</c>.</param>
    /// <param name="input">What to do with flagged input, or null to leave it to the API.</param>
    /// <param name="output">What to do with flagged output, or null to leave it to the API.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Moderation(string model, ModerationMode? input = null, ModerationMode? output = null)
    {
        var options = new ModerationOptions { Model = NotNull(model, nameof(model)) };
        if (input is not null || output is not null)
        {
            options.Policy = new ModerationPolicy
            {
                Input = input is { } i ? new ModerationConfig { Mode = Wire.Of(i) } : null,
                Output = output is { } o ? new ModerationConfig { Mode = Wire.Of(o) } : null,
            };
        }

        return Then(Kind.ModerationSnapshot, Snapshot.Freeze(options));
    }

    // ---- Extra members -------------------------------------------------------------------------------------

    /// <summary>
    /// Adds a top-level member that the model does not know, e.g. a setting of an OpenAI-compatible server. It is
    /// written after the known members.
    /// </summary>
    /// <param name="name">The member's JSON name; it must not be one the model knows (such as <c>temperature</c>).</param>
    /// <param name="value">The value.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or a known member, or <paramref name="value"/> repeats a member in one object.</exception>
    public ChatRequestBuilder Extra(string name, JsonElement value)
    {
        var checkedName = CheckExtraName(name);
        JsonText.RejectRepeatedMembers(value, nameof(value));
        return Then(Kind.Extra, new Two(checkedName, value.Clone()));
    }

    /// <summary>Adds a top-level member that the model does not know; see <see cref="Extra(string, JsonElement)"/>.</summary>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The value; it is copied. Null writes JSON null.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Extra(string name, JsonNode? value) =>
        Extra(name, value is null ? NullElement : JsonText.Element(value));

    /// <summary>Adds a top-level string member that the model does not know; see <see cref="Extra(string, JsonElement)"/>.</summary>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The string value.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Extra(string name, string value) =>
        Extra(name, JsonSerializer.SerializeToElement(NotNull(value, nameof(value)), ChatJsonContext.Default.String));

    /// <summary>Adds a top-level number member that the model does not know; see <see cref="Extra(string, JsonElement)"/>.</summary>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The number.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is NaN or infinite, which JSON cannot hold.</exception>
    public ChatRequestBuilder Extra(string name, double value) =>
        double.IsNaN(value) || double.IsInfinity(value)
            ? throw new ArgumentOutOfRangeException(nameof(value), value, "JSON numbers cannot be NaN or infinite.")
            : Extra(name, JsonText.Element(NumericLimit.Format(value)));

    /// <summary>Adds a top-level integer member that the model does not know; see <see cref="Extra(string, JsonElement)"/>.</summary>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The integer.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Extra(string name, long value) =>
        Extra(name, JsonText.Element(value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Adds a top-level boolean member that the model does not know; see <see cref="Extra(string, JsonElement)"/>.</summary>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The boolean.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Extra(string name, bool value) =>
        Extra(name, value ? TrueElement : FalseElement);

    private static readonly JsonElement NullElement = JsonText.Element("null");
    private static readonly JsonElement TrueElement = JsonText.Element("true");
    private static readonly JsonElement FalseElement = JsonText.Element("false");

    private static string CheckExtraName(string name)
    {
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("The extra member needs a non-empty JSON name.", nameof(name));
        }

        if (KnownMembers.Contains(name))
        {
            throw new ArgumentException("'" + name + "' is a member the request model knows; set it with its own method instead of Extra().", nameof(name));
        }

        return name;
    }

    private static readonly HashSet<string> KnownMembers = CollectKnownMembers();

    private static HashSet<string> CollectKnownMembers()
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in ChatJson.RequestInfo.Properties)
        {
            if (!property.IsExtensionData)
            {
                names.Add(property.Name);
            }
        }

        return names;
    }

    // ---- Build ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Builds the request and validates it. The result shares no mutable state with this builder, with other
    /// requests, or with arguments the caller passed.
    /// </summary>
    /// <returns>A request the API accepts, as far as the request alone can tell.</returns>
    /// <exception cref="ChatRequestValidationException">The request breaks at least one rule; the exception lists every problem.</exception>
    public CreateChatCompletionRequest Build()
    {
        if (ChainCheck.IsCertainlyValid(this))
        {
            // Nothing to report: the request is written straight from the chain, and its object model is made only
            // if someone reads or changes it.
            return new CreateChatCompletionRequest(this);
        }

        var request = Materialize();
        var problems = request.Validate();
        foreach (var problem in problems)
        {
            if (problem.Severity == ProblemSeverity.Error)
            {
                throw new ChatRequestValidationException(problems);
            }
        }

        return request;
    }

    /// <summary>Builds the request and returns every problem it has (errors, warnings, information) without throwing.</summary>
    /// <returns>The problems; empty when the request is fine.</returns>
    public IReadOnlyList<ValidationProblem> Validate() => Materialize().Validate();

    internal CreateChatCompletionRequest Materialize()
    {
        var request = new CreateChatCompletionRequest();
        ReplayInto(request);
        return request;
    }

    /// <summary>Applies every step, oldest first, to <paramref name="request"/>.</summary>
    internal void ReplayInto(CreateChatCompletionRequest request)
    {
        using var steps = new Steps(this);
        var span = steps.Span;
        var messages = 0;
        foreach (var step in span)
        {
            if (IsMessage(step._kind))
            {
                messages++;
            }
        }

        span[0].Apply(request);
        if (span[0]._kind != Kind.FromRequest)
        {
            request.Messages = new List<ChatMessage>(messages);
        }
        else if (messages > 0)
        {
            request.Messages ??= new List<ChatMessage>(messages);
        }

        for (var i = 1; i < span.Length; i++)
        {
            span[i].Apply(request);
        }
    }
}
