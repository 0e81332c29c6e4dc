namespace ChatRequest.Tests.Properties;

/// <summary>
/// One call on a builder, with the C# text of the call. <see cref="Method"/> is the builder method's name, so tests
/// can tell which parts of the API a generator reached.
/// </summary>
internal sealed class Step
{
    private readonly Func<ChatRequestBuilder, ChatRequestBuilder> _apply;

    public Step(string method, string arguments, Func<ChatRequestBuilder, ChatRequestBuilder> apply)
    {
        Method = method;
        Code = method + "(" + arguments + ")";
        _apply = apply;
    }

    public string Method { get; }

    /// <summary>The call as C#, without the leading dot, e.g. <c>Temperature(0.5d)</c>.</summary>
    public string Code { get; }

    public ChatRequestBuilder ApplyTo(ChatRequestBuilder builder) => _apply(builder);

    public override string ToString() => "." + Code;
}

/// <summary>How a chain starts: <c>Chat.With(model)</c>, or a parsed body continued with <c>ChatRequestBuilder.From</c>.</summary>
internal sealed class Root
{
    private readonly Func<ChatRequestBuilder> _start;

    private Root(string code, Func<ChatRequestBuilder> start)
    {
        Code = code;
        _start = start;
    }

    public string Code { get; }

    public static Root With(string model) => new("Chat.With(" + Cs.Str(model) + ")", () => Chat.With(model));

    /// <summary>A builder continuing the request parsed from <paramref name="json"/>.</summary>
    public static Root From(string json) =>
        new("ChatRequestBuilder.From(CreateChatCompletionRequest.FromJson(" + Cs.Str(json) + "))",
            () => ChatRequestBuilder.From(CreateChatCompletionRequest.FromJson(json)));

    public ChatRequestBuilder Start() => _start();

    public override string ToString() => Code;
}

/// <summary>A generated chain: a root and the calls made on it, printable as the C# that makes it.</summary>
internal sealed class Recipe
{
    public Recipe(Root root, IReadOnlyList<Step> steps)
    {
        Root = root;
        Steps = steps;
    }

    public Root Root { get; }

    public IReadOnlyList<Step> Steps { get; }

    public ChatRequestBuilder Builder() => Apply(Root.Start(), Steps);

    public static ChatRequestBuilder Apply(ChatRequestBuilder builder, IEnumerable<Step> steps)
    {
        foreach (var step in steps)
        {
            builder = step.ApplyTo(builder);
        }

        return builder;
    }

    public Recipe With(IEnumerable<Step> more) => new(Root, Steps.Concat(more).ToList());

    /// <summary>
    /// Smaller chains for a failing one: fewer calls (halves, quarters, ..., single calls left out), then a plain root.
    /// A test keeps a candidate only while it fails the same way.
    /// </summary>
    public IEnumerable<Recipe> Smaller()
    {
        for (var size = Steps.Count; size >= 1; size /= 2)
        {
            for (var start = Steps.Count - size; start >= 0; start -= size)
            {
                yield return new Recipe(Root, Steps.Take(start).Concat(Steps.Skip(start + size)).ToList());
            }
        }

        if (Root.Code != PlainRoot.Code)
        {
            yield return new Recipe(PlainRoot, Steps);
        }
    }

    private static readonly Root PlainRoot = Root.With("gpt-4o");

    public override string ToString() =>
        Root.Code + string.Concat(Steps.Select(s => Environment.NewLine + "    ." + s.Code));
}
