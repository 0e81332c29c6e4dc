using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ChatRequest.Analyzers.Internal;

/// <summary>
/// One fluent chain in one expression, from its start to its outermost builder call. The start is either
/// <c>Chat.With(model)</c> (then the chain is the whole request, as far as this expression goes) or something else:
/// a variable, field, parameter or another method's result, which may already carry any setting.
/// </summary>
internal sealed class BuilderChain
{
    private BuilderChain(BuilderCall? entry, List<BuilderCall> calls)
    {
        Entry = entry;
        Calls = calls;
        foreach (var call in calls)
        {
            if (call.IsUnknown)
            {
                HasUnknownCalls = true;
            }
        }
    }

    /// <summary>The <c>Chat.With(model)</c> call the chain starts at, or null when it starts elsewhere.</summary>
    public BuilderCall? Entry { get; }

    /// <summary>The builder calls after the start, in source (and execution) order.</summary>
    public IReadOnlyList<BuilderCall> Calls { get; }

    /// <summary>True when the chain starts at <c>Chat.With</c> in this expression, so what it lacks is really missing.</summary>
    public bool StartsAtEntry => Entry is not null;

    /// <summary>True when some call is a builder method the rule table does not describe (it may set anything).</summary>
    public bool HasUnknownCalls { get; }

    /// <summary>True when "something missing" rules may judge the chain: it starts at Chat.With and every call is known.</summary>
    public bool IsWholeRequest => StartsAtEntry && !HasUnknownCalls;

    /// <summary>The last call of the chain (Chat.With when it has no builder calls).</summary>
    public BuilderCall Outermost => Calls.Count > 0 ? Calls[Calls.Count - 1] : Entry!;

    /// <summary>
    /// True when <paramref name="invocation"/> (one of ours) is not the receiver of another builder call, i.e. it is
    /// where its chain ends. Chain rules run there, once per chain.
    /// </summary>
    public static bool IsOutermost(IInvocationOperation invocation, KnownSymbols symbols) =>
        !(invocation.Parent is IInvocationOperation parent
          && ReferenceEquals(parent.Instance, invocation)
          && symbols.IsBuilderMethod(parent.TargetMethod));

    /// <summary>Walks the receivers of <paramref name="outermost"/> back to the start of its chain.</summary>
    public static BuilderChain Collect(BuilderCall outermost, KnownSymbols symbols)
    {
        var calls = new List<BuilderCall>();
        BuilderCall? entry = null;
        var current = outermost;
        while (true)
        {
            if (current.IsEntry)
            {
                entry = current;
                break;
            }

            calls.Add(current);
            if (current.Invocation.Instance is not IInvocationOperation receiver)
            {
                break;
            }

            var next = BuilderCall.TryCreate(receiver, symbols);
            if (next is null)
            {
                break;
            }

            current = next;
        }

        calls.Reverse();
        return new BuilderChain(entry, calls);
    }

    /// <summary>The constant model id of <c>Chat.With</c>, when the chain starts there with a constant.</summary>
    public bool TryGetModel(out string? model)
    {
        model = null;
        return Entry is not null
            && Entry.Invocation.Arguments.Length == 1
            && ConstantReader.TryGetString(Entry.Invocation.Arguments[0].Value, out model);
    }

    /// <summary>True when some call of the chain writes <paramref name="jsonField"/>.</summary>
    public bool Sets(string jsonField) => Last(jsonField) is not null;

    /// <summary>The last call that writes <paramref name="jsonField"/> (the one whose value wins), or null.</summary>
    public BuilderCall? Last(string jsonField)
    {
        for (var i = Calls.Count - 1; i >= 0; i--)
        {
            if (Calls[i].Sets(jsonField))
            {
                return Calls[i];
            }
        }

        return null;
    }

    /// <summary>Every call that writes <paramref name="jsonField"/>, in order.</summary>
    public IEnumerable<BuilderCall> All(string jsonField)
    {
        foreach (var call in Calls)
        {
            if (call.Sets(jsonField))
            {
                yield return call;
            }
        }
    }

    /// <summary>True when the chain ends with <c>Build()</c> or <c>Validate()</c>: no call can be added later.</summary>
    public bool EndsWithTerminal =>
        Calls.Count > 0 && Calls[Calls.Count - 1].Method?.Role == Validation.BuilderMethodRole.Terminal;
}
