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
public sealed class ChatRequestBuilder
{
    private delegate void Step(CreateChatCompletionRequest request, ChatRequestBuilder node);

    private readonly ChatRequestBuilder? _previous;
    private readonly Step _step;
    private readonly object? _value;
    private readonly object? _extra;
    private readonly long _bits;
    private readonly int _depth;
    private readonly int _messageCount;

    private ChatRequestBuilder(ChatRequestBuilder? previous, Step step, object? value, object? extra, long bits, bool isMessage)
    {
        _previous = previous;
        _step = step;
        _value = value;
        _extra = extra;
        _bits = bits;
        _depth = previous is null ? 1 : previous._depth + 1;
        _messageCount = (previous?._messageCount ?? 0) + (isMessage ? 1 : 0);
    }

    private double Number => BitConverter.Int64BitsToDouble(_bits);

    private string Text => (string)_value!;

    internal static ChatRequestBuilder Start(string model) =>
        new(null, static (r, n) => r.Model = n.Text, model, null, 0, isMessage: false);

    /// <summary>The root step of a builder that continues an existing request (see <see cref="From"/>).</summary>
    private static readonly Step ContinueSnapshot = static (_, _) => { };

    /// <summary>
    /// Starts a builder from an existing request, e.g. one parsed from JSON: every member (unknown ones included) is
    /// kept, and further calls append messages or change settings. The request is copied; changing it later does not
    /// change the builder.
    /// </summary>
    /// <param name="request">The request to continue.</param>
    /// <returns>A builder whose <see cref="Build"/> gives a request equal to <paramref name="request"/> plus the later calls.</returns>
    public static ChatRequestBuilder From(CreateChatCompletionRequest request) =>
        new(null, ContinueSnapshot, Snapshot.Freeze(NotNull(request, nameof(request))), null, 0, isMessage: false);

    private ChatRequestBuilder Then(Step step, object? value = null, object? extra = null, long bits = 0) =>
        new(this, step, value, extra, bits, isMessage: false);

    private ChatRequestBuilder ThenNumber(Step step, double value) =>
        new(this, step, null, null, BitConverter.DoubleToInt64Bits(value), isMessage: false);

    private ChatRequestBuilder ThenMessage(Step step, object? value, object? extra = null) =>
        new(this, step, value, extra, 0, isMessage: true);

    private static T NotNull<T>(T? value, string parameterName)
        where T : class => value ?? throw new ArgumentNullException(parameterName);

    // ---- Messages ------------------------------------------------------------------------------------------

    /// <summary>Appends a system message.</summary>
    /// <param name="content">The instructions.</param>
    /// <param name="name">An optional participant name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder System(string content, string? name = null) =>
        ThenMessage(static (r, n) => r.Messages!.Add(new SystemMessage { Content = n.Text, Name = (string?)n._extra }), NotNull(content, nameof(content)), name);

    /// <summary>Appends a developer message (instructions for o1 and newer models).</summary>
    /// <param name="content">The instructions.</param>
    /// <param name="name">An optional participant name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Developer(string content, string? name = null) =>
        ThenMessage(static (r, n) => r.Messages!.Add(new DeveloperMessage { Content = n.Text, Name = (string?)n._extra }), NotNull(content, nameof(content)), name);

    /// <summary>Appends a user message with text.</summary>
    /// <param name="content">The text.</param>
    /// <param name="name">An optional participant name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder User(string content, string? name = null) =>
        ThenMessage(static (r, n) => r.Messages!.Add(new UserMessage { Content = n.Text, Name = (string?)n._extra }), NotNull(content, nameof(content)), name);

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
        ThenMessage(static (r, n) => r.Messages!.Add(new AssistantMessage { Content = n.Text, Name = (string?)n._extra }), NotNull(content, nameof(content)), name);

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
        ThenMessage(static (r, n) => r.Messages!.Add(new ToolMessage { ToolCallId = (string)n._extra!, Content = n.Text }), NotNull(content, nameof(content)), NotNull(toolCallId, nameof(toolCallId)));

    /// <summary>Appends a function message: the result of a legacy function call (deprecated; use <see cref="ToolResult"/>).</summary>
    /// <param name="name">The function's name.</param>
    /// <param name="content">The result.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder FunctionResult(string name, string content) =>
        ThenMessage(static (r, n) => r.Messages!.Add(new FunctionMessage { Name = (string)n._extra!, Content = n.Text }), NotNull(content, nameof(content)), NotNull(name, nameof(name)));

    /// <summary>Appends any message, e.g. one read from a stored conversation. The message is copied.</summary>
    /// <param name="message">The message.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Message(ChatMessage message) =>
        ThenMessage(static (r, n) => r.Messages!.Add(Snapshot.Thaw<ChatMessage>((JsonElement)n._value!)), Snapshot.Freeze(NotNull(message, nameof(message))));

    // ---- Sampling --------------------------------------------------------------------------------------------

    /// <summary>Sets <c>temperature</c> (0 to 2): sampling randomness. Set this or <see cref="TopP"/>, not both.</summary>
    /// <param name="temperature">The temperature.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Temperature(double temperature) =>
        ThenNumber(static (r, n) => r.Temperature = n.Number, temperature);

    /// <summary>Sets <c>top_p</c> (0 to 1): nucleus sampling. Set this or <see cref="Temperature"/>, not both.</summary>
    /// <param name="topP">The probability mass to sample from.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder TopP(double topP) =>
        ThenNumber(static (r, n) => r.TopP = n.Number, topP);

    /// <summary>Sets <c>frequency_penalty</c> (-2 to 2).</summary>
    /// <param name="frequencyPenalty">The penalty.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder FrequencyPenalty(double frequencyPenalty) =>
        ThenNumber(static (r, n) => r.FrequencyPenalty = n.Number, frequencyPenalty);

    /// <summary>Sets <c>presence_penalty</c> (-2 to 2).</summary>
    /// <param name="presencePenalty">The penalty.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder PresencePenalty(double presencePenalty) =>
        ThenNumber(static (r, n) => r.PresencePenalty = n.Number, presencePenalty);

    /// <summary>Adds one <c>logit_bias</c> entry; call it once per token.</summary>
    /// <param name="tokenId">The token id (0 or more).</param>
    /// <param name="bias">The bias, -100 (ban) to 100 (force).</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder LogitBias(int tokenId, int bias) =>
        Then(
            static (r, n) =>
            {
                r.LogitBias ??= new Dictionary<string, int>(StringComparer.Ordinal);
                r.LogitBias[((int)(n._bits >> 32)).ToString(CultureInfo.InvariantCulture)] = (int)n._bits;
            },
            bits: ((long)tokenId << 32) | (uint)bias);

    /// <summary>Sets <c>max_tokens</c> (deprecated; prefer <see cref="MaxCompletionTokens"/>).</summary>
    /// <param name="maxTokens">The cap, 1 or more.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder MaxTokens(int maxTokens) =>
        Then(static (r, n) => r.MaxTokens = (int)n._bits, bits: maxTokens);

    /// <summary>Sets <c>max_completion_tokens</c>: the cap on generated tokens, reasoning included.</summary>
    /// <param name="maxCompletionTokens">The cap, 1 or more.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder MaxCompletionTokens(int maxCompletionTokens) =>
        Then(static (r, n) => r.MaxCompletionTokens = (int)n._bits, bits: maxCompletionTokens);

    /// <summary>Sets <c>n</c> (1 to 128): how many choices to generate.</summary>
    /// <param name="n">The number of choices.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder N(int n) =>
        Then(static (r, node) => r.N = (int)node._bits, bits: n);

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

        return Then(static (r, n) => r.Stop = new StopSequences((string[])n._value!), copy);
    }

    /// <summary>Sets <c>stream</c>: send the answer as server-sent events.</summary>
    /// <param name="stream">Whether to stream.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Stream(bool stream = true) =>
        Then(static (r, n) => r.Stream = n._bits != 0, bits: stream ? 1 : 0);

    /// <summary>Sets <c>stream_options</c> (only with <see cref="Stream"/>). Members left null are not sent.</summary>
    /// <param name="includeUsage">Send a final chunk with token usage (opt in).</param>
    /// <param name="includeObfuscation">Pad deltas with random obfuscation (the API's default is on).</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder StreamOptions(bool? includeUsage = null, bool? includeObfuscation = null) =>
        Then(static (r, n) => r.StreamOptions = new StreamOptions { IncludeUsage = (bool?)n._value, IncludeObfuscation = (bool?)n._extra }, includeUsage, includeObfuscation);

    /// <summary>Sets <c>user</c> (deprecated; prefer <see cref="SafetyIdentifier"/> and <see cref="PromptCacheKey"/>).</summary>
    /// <param name="user">The end user's id.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder EndUser(string user) =>
        Then(static (r, n) => r.User = n.Text, NotNull(user, nameof(user)));

    /// <summary>Sets <c>seed</c> (deprecated): best-effort repeatable sampling.</summary>
    /// <param name="seed">The seed.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Seed(long seed) =>
        Then(static (r, n) => r.Seed = n._bits, bits: seed);

    /// <summary>Sets <c>logprobs</c>: return the log-probability of each output token.</summary>
    /// <param name="logprobs">Whether to return log-probabilities.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Logprobs(bool logprobs = true) =>
        Then(static (r, n) => r.Logprobs = n._bits != 0, bits: logprobs ? 1 : 0);

    /// <summary>Sets <c>top_logprobs</c> (0 to 20; needs <see cref="Logprobs"/>).</summary>
    /// <param name="topLogprobs">How many alternatives to return per token.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder TopLogprobs(int topLogprobs) =>
        Then(static (r, n) => r.TopLogprobs = (int)n._bits, bits: topLogprobs);

    // ---- Tools ---------------------------------------------------------------------------------------------

    /// <summary>Declares a function tool whose parameters are a JSON Schema given as text.</summary>
    /// <param name="name">The function name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="description">What the function does.</param>
    /// <param name="parametersJson">The parameters' JSON Schema (an object), or null for no parameters.</param>
    /// <param name="strict">Whether the model must follow the schema exactly.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="parametersJson"/> is not a JSON object.</exception>
    public ChatRequestBuilder Tool(string name, string? description = null, string? parametersJson = null, bool? strict = null) =>
        AddTool(name, description, parametersJson is null ? null : ParseObject(parametersJson, nameof(parametersJson)), strict);

    /// <summary>Declares a function tool whose parameters are a JSON Schema given as a <see cref="JsonElement"/>.</summary>
    /// <param name="name">The function name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="description">What the function does.</param>
    /// <param name="parameters">The parameters' JSON Schema (an object).</param>
    /// <param name="strict">Whether the model must follow the schema exactly.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Tool(string name, string? description, JsonElement parameters, bool? strict = null) =>
        AddTool(name, description, RequireObject(parameters.Clone(), nameof(parameters)), strict);

    /// <summary>Declares a function tool whose parameters are a JSON Schema given as a <see cref="JsonNode"/>.</summary>
    /// <param name="name">The function name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="description">What the function does.</param>
    /// <param name="parameters">The parameters' JSON Schema (an object); it is copied.</param>
    /// <param name="strict">Whether the model must follow the schema exactly.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Tool(string name, string? description, JsonNode parameters, bool? strict = null) =>
        AddTool(name, description, ToElement(NotNull(parameters, nameof(parameters)), nameof(parameters)), strict);

    private ChatRequestBuilder AddTool(string name, string? description, JsonElement? parameters, bool? strict) =>
        Then(
            static (r, n) =>
            {
                var spec = (ToolSpec)n._value!;
                r.Tools ??= new List<ChatTool>();
                r.Tools.Add(new FunctionTool
                {
                    Function = new FunctionDefinition { Name = spec.Name, Description = spec.Description, Parameters = spec.Schema, Strict = spec.Strict },
                });
            },
            new ToolSpec(NotNull(name, nameof(name)), description, parameters, strict));

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
        Then(
            static (r, n) =>
            {
                r.Tools ??= new List<ChatTool>();
                r.Tools.Add(Snapshot.Thaw<ChatTool>((JsonElement)n._value!));
            },
            Snapshot.Freeze(NotNull(tool, nameof(tool))));

    /// <summary>Sets <c>tool_choice</c> to a mode: none, auto or required.</summary>
    /// <param name="mode">The mode.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ToolChoice(ToolChoiceMode mode) =>
        Then(static (r, n) => r.ToolChoice = new ToolChoice { Mode = n.Text }, Wire.Of(mode));

    /// <summary>Sets <c>tool_choice</c> (see <see cref="ChatRequest.ToolChoice.ForFunction"/> and the other factories). It is copied.</summary>
    /// <param name="choice">The choice.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ToolChoice(ToolChoice choice) =>
        Then(static (r, n) => r.ToolChoice = Snapshot.Thaw<ToolChoice>((JsonElement)n._value!), Snapshot.Freeze(NotNull(choice, nameof(choice))));

    /// <summary>Sets <c>tool_choice</c> so that the model must call the named function tool.</summary>
    /// <param name="name">The function's name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ForceFunction(string name) =>
        Then(static (r, n) => r.ToolChoice = ChatRequest.ToolChoice.ForFunction(n.Text), NotNull(name, nameof(name)));

    /// <summary>Sets <c>tool_choice</c> so that the model must call the named custom tool.</summary>
    /// <param name="name">The custom tool's name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ForceCustomTool(string name) =>
        Then(static (r, n) => r.ToolChoice = ChatRequest.ToolChoice.ForCustomTool(n.Text), NotNull(name, nameof(name)));

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
        Then(static (r, n) => r.ParallelToolCalls = n._bits != 0, bits: enabled ? 1 : 0);

    /// <summary>Declares a function in the deprecated <c>functions</c> list (prefer <see cref="Tool(string, string?, string?, bool?)"/>).</summary>
    /// <param name="name">The function name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="description">What the function does.</param>
    /// <param name="parametersJson">The parameters' JSON Schema (an object), or null for no parameters.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Function(string name, string? description = null, string? parametersJson = null) =>
        Then(
            static (r, n) =>
            {
                var spec = (ToolSpec)n._value!;
                r.Functions ??= new List<FunctionDefinition>();
                r.Functions.Add(new FunctionDefinition { Name = spec.Name, Description = spec.Description, Parameters = spec.Schema });
            },
            new ToolSpec(NotNull(name, nameof(name)), description, parametersJson is null ? null : ParseObject(parametersJson, nameof(parametersJson)), null));

    /// <summary>Sets the deprecated <c>function_call</c> to a mode (prefer <see cref="ToolChoice(ToolChoiceMode)"/>).</summary>
    /// <param name="mode">none or auto.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder FunctionCall(FunctionCallMode mode) =>
        Then(static (r, n) => r.FunctionCall = new FunctionCallOption { Mode = n.Text }, Wire.Of(mode));

    /// <summary>Sets the deprecated <c>function_call</c> to force the named function (prefer <see cref="ForceFunction"/>).</summary>
    /// <param name="name">The function's name.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder FunctionCall(string name) =>
        Then(static (r, n) => r.FunctionCall = new FunctionCallOption { Name = n.Text }, NotNull(name, nameof(name)));

    // ---- Output format -------------------------------------------------------------------------------------

    /// <summary>Sets <c>response_format</c> to plain text.</summary>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder TextFormat() =>
        Then(static (r, _) => r.ResponseFormat = new TextResponseFormat());

    /// <summary>Sets <c>response_format</c> to JSON mode (<c>json_object</c>). A message must ask for JSON.</summary>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder JsonObjectFormat() =>
        Then(static (r, _) => r.ResponseFormat = new JsonObjectResponseFormat());

    /// <summary>Sets <c>response_format</c> to Structured Outputs with a JSON Schema given as text.</summary>
    /// <param name="name">The schema's name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="schemaJson">The JSON Schema (an object).</param>
    /// <param name="strict">Whether the model must follow the schema exactly.</param>
    /// <param name="description">What the format is for.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder JsonSchemaFormat(string name, string schemaJson, bool? strict = true, string? description = null) =>
        AddSchemaFormat(name, ParseObject(NotNull(schemaJson, nameof(schemaJson)), nameof(schemaJson)), strict, description);

    /// <summary>Sets <c>response_format</c> to Structured Outputs with a JSON Schema given as a <see cref="JsonElement"/>.</summary>
    /// <param name="name">The schema's name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="schema">The JSON Schema (an object).</param>
    /// <param name="strict">Whether the model must follow the schema exactly.</param>
    /// <param name="description">What the format is for.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder JsonSchemaFormat(string name, JsonElement schema, bool? strict = true, string? description = null) =>
        AddSchemaFormat(name, RequireObject(schema.Clone(), nameof(schema)), strict, description);

    /// <summary>Sets <c>response_format</c> to Structured Outputs with a JSON Schema given as a <see cref="JsonNode"/>.</summary>
    /// <param name="name">The schema's name: a-z, A-Z, 0-9, '_' and '-', at most 64 characters.</param>
    /// <param name="schema">The JSON Schema (an object); it is copied.</param>
    /// <param name="strict">Whether the model must follow the schema exactly.</param>
    /// <param name="description">What the format is for.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder JsonSchemaFormat(string name, JsonNode schema, bool? strict = true, string? description = null) =>
        AddSchemaFormat(name, ToElement(NotNull(schema, nameof(schema)), nameof(schema)), strict, description);

    private ChatRequestBuilder AddSchemaFormat(string name, JsonElement schema, bool? strict, string? description) =>
        Then(
            static (r, n) =>
            {
                var spec = (ToolSpec)n._value!;
                r.ResponseFormat = new JsonSchemaResponseFormat
                {
                    JsonSchema = new JsonSchemaDefinition { Name = spec.Name, Description = spec.Description, Schema = spec.Schema, Strict = spec.Strict },
                };
            },
            new ToolSpec(NotNull(name, nameof(name)), description, schema, strict));

    /// <summary>Sets <c>response_format</c> to any format. It is copied.</summary>
    /// <param name="format">The format.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ResponseFormat(ResponseFormat format) =>
        Then(static (r, n) => r.ResponseFormat = Snapshot.Thaw<ResponseFormat>((JsonElement)n._value!), Snapshot.Freeze(NotNull(format, nameof(format))));

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

        return Then(static (r, n) => r.Modalities = new List<string>((string[])n._value!), wire);
    }

    /// <summary>Sets <c>audio</c>: voice and format of spoken output.</summary>
    /// <param name="voice">A built-in voice name such as <c>alloy</c>, or <see cref="AudioVoice.Custom"/>.</param>
    /// <param name="format">The output format.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Audio(AudioVoice voice, AudioFormat format) =>
        Then(static (r, n) => r.Audio = new AudioOutputOptions { Voice = (AudioVoice)n._value!, Format = (string)n._extra! }, NotNull(voice, nameof(voice)), Wire.Of(format));

    /// <summary>Sets <c>prediction</c>: text the answer will mostly repeat (e.g. a file being edited).</summary>
    /// <param name="content">The predicted text.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Prediction(string content) =>
        Then(static (r, n) => r.Prediction = new Prediction { Type = "content", Content = n.Text }, NotNull(content, nameof(content)));

    /// <summary>Sets <c>verbosity</c>.</summary>
    /// <param name="verbosity">How long or terse the answer should be.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Verbosity(Verbosity verbosity) =>
        Then(static (r, n) => r.Verbosity = n.Text, Wire.Of(verbosity));

    /// <summary>Sets <c>reasoning_effort</c> (reasoning models only).</summary>
    /// <param name="effort">How much reasoning to spend.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ReasoningEffort(ReasoningEffort effort) =>
        Then(static (r, n) => r.ReasoningEffort = n.Text, Wire.Of(effort));

    // ---- Account, caching, safety --------------------------------------------------------------------------

    /// <summary>Adds one <c>metadata</c> pair (at most 16; keys up to 64, values up to 512 characters).</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Metadata(string key, string value) =>
        Then(
            static (r, n) =>
            {
                r.Metadata ??= new Dictionary<string, string>(StringComparer.Ordinal);
                r.Metadata[n.Text] = (string)n._extra!;
            },
            NotNull(key, nameof(key)),
            NotNull(value, nameof(value)));

    /// <summary>Sets <c>service_tier</c>.</summary>
    /// <param name="tier">The processing tier.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder ServiceTier(ServiceTier tier) =>
        Then(static (r, n) => r.ServiceTier = n.Text, Wire.Of(tier));

    /// <summary>Sets <c>safety_identifier</c>: a stable id of the end user (at most 64 characters), ideally a hash.</summary>
    /// <param name="safetyIdentifier">The identifier.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder SafetyIdentifier(string safetyIdentifier) =>
        Then(static (r, n) => r.SafetyIdentifier = n.Text, NotNull(safetyIdentifier, nameof(safetyIdentifier)));

    /// <summary>Sets <c>prompt_cache_key</c>: a caching hint that groups similar requests.</summary>
    /// <param name="promptCacheKey">The key.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder PromptCacheKey(string promptCacheKey) =>
        Then(static (r, n) => r.PromptCacheKey = n.Text, NotNull(promptCacheKey, nameof(promptCacheKey)));

    /// <summary>Sets <c>prompt_cache_options</c> (gpt-5.6 and later). Members left null are not sent.</summary>
    /// <param name="mode">implicit or explicit breakpoints.</param>
    /// <param name="ttl">The minimum cache lifetime; the API accepts only <c>30m</c>.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder PromptCacheOptions(PromptCacheMode? mode = null, string? ttl = null) =>
        Then(static (r, n) => r.PromptCacheOptions = new PromptCacheOptions { Mode = (string?)n._value, Ttl = (string?)n._extra }, mode is { } m ? Wire.Of(m) : null, ttl);

    /// <summary>Sets the deprecated <c>prompt_cache_retention</c> (prefer <see cref="PromptCacheOptions"/>).</summary>
    /// <param name="retention">in_memory or 24h.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder PromptCacheRetention(PromptCacheRetention retention) =>
        Then(static (r, n) => r.PromptCacheRetention = n.Text, Wire.Of(retention));

    /// <summary>Sets <c>store</c>: keep the completion for distillation and evals.</summary>
    /// <param name="store">Whether to store it.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Store(bool store = true) =>
        Then(static (r, n) => r.Store = n._bits != 0, bits: store ? 1 : 0);

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

        return Then(static (r, n) => r.WebSearchOptions = Snapshot.Thaw<WebSearchOptions>((JsonElement)n._value!), Snapshot.Freeze(options));
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

        return Then(static (r, n) => r.Moderation = Snapshot.Thaw<ModerationOptions>((JsonElement)n._value!), Snapshot.Freeze(options));
    }

    // ---- Extra members -------------------------------------------------------------------------------------

    /// <summary>
    /// Adds a top-level member that the model does not know, e.g. a setting of an OpenAI-compatible server. It is
    /// written after the known members.
    /// </summary>
    /// <param name="name">The member's JSON name; it must not be one the model knows (such as <c>temperature</c>).</param>
    /// <param name="value">The value.</param>
    /// <returns>A new builder.</returns>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or a known member.</exception>
    public ChatRequestBuilder Extra(string name, JsonElement value) =>
        Then(
            static (r, n) =>
            {
                r.AdditionalProperties ??= new Dictionary<string, JsonElement>(StringComparer.Ordinal);
                r.AdditionalProperties[n.Text] = (JsonElement)n._extra!;
            },
            CheckExtraName(name),
            value.Clone());

    /// <summary>Adds a top-level member that the model does not know; see <see cref="Extra(string, JsonElement)"/>.</summary>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The value; it is copied. Null writes JSON null.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Extra(string name, JsonNode? value) =>
        Extra(name, value is null ? NullElement : ToElement(value, nameof(value)));

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
    public ChatRequestBuilder Extra(string name, double value) =>
        Extra(name, ParseElement(NumericLimit.Format(value), nameof(value)));

    /// <summary>Adds a top-level integer member that the model does not know; see <see cref="Extra(string, JsonElement)"/>.</summary>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The integer.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Extra(string name, long value) =>
        Extra(name, ParseElement(value.ToString(CultureInfo.InvariantCulture), nameof(value)));

    /// <summary>Adds a top-level boolean member that the model does not know; see <see cref="Extra(string, JsonElement)"/>.</summary>
    /// <param name="name">The member's JSON name.</param>
    /// <param name="value">The boolean.</param>
    /// <returns>A new builder.</returns>
    public ChatRequestBuilder Extra(string name, bool value) =>
        Extra(name, value ? TrueElement : FalseElement);

    private static readonly JsonElement NullElement = ParseElement("null", "value");
    private static readonly JsonElement TrueElement = ParseElement("true", "value");
    private static readonly JsonElement FalseElement = ParseElement("false", "value");

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

    private CreateChatCompletionRequest Materialize()
    {
        var steps = ArrayPool<ChatRequestBuilder>.Shared.Rent(_depth);
        try
        {
            var index = _depth;
            for (var node = this; node is not null; node = node._previous)
            {
                steps[--index] = node;
            }

            CreateChatCompletionRequest request;
            if (ReferenceEquals(steps[0]._step, ContinueSnapshot))
            {
                request = Snapshot.Thaw<CreateChatCompletionRequest>((JsonElement)steps[0]._value!);
                if (request.Messages is null && _messageCount > 0)
                {
                    request.Messages = new List<ChatMessage>(_messageCount);
                }
            }
            else
            {
                request = new CreateChatCompletionRequest { Messages = new List<ChatMessage>(_messageCount) };
            }

            for (var i = 0; i < _depth; i++)
            {
                steps[i]._step(request, steps[i]);
            }

            return request;
        }
        finally
        {
            Array.Clear(steps, 0, _depth);
            ArrayPool<ChatRequestBuilder>.Shared.Return(steps);
        }
    }

    // ---- JSON helpers --------------------------------------------------------------------------------------

    private static JsonElement ParseObject(string json, string parameterName) =>
        RequireObject(ParseElement(json, parameterName), parameterName);

    private static JsonElement ParseElement(string json, string parameterName)
    {
        try
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = ChatJson.MaxDepth });
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("'" + parameterName + "' is not valid JSON: " + ex.Message, parameterName, ex);
        }
    }

    private static JsonElement ToElement(JsonNode node, string parameterName) =>
        ParseElement(node.ToJsonString(), parameterName);

    private static JsonElement RequireObject(JsonElement element, string parameterName)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("'" + parameterName + "' must be a JSON Schema object, but is a JSON " + element.ValueKind.ToString().ToLowerInvariant() + ".", parameterName);
        }

        return element;
    }

    /// <summary>The immutable inputs of a function tool, a legacy function or a JSON Schema format.</summary>
    private sealed class ToolSpec
    {
        public ToolSpec(string name, string? description, JsonElement? schema, bool? strict)
        {
            Name = name;
            Description = description;
            Schema = schema;
            Strict = strict;
        }

        public string Name { get; }

        public string? Description { get; }

        public JsonElement? Schema { get; }

        public bool? Strict { get; }
    }
}
