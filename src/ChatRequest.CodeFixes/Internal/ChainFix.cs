using System;

namespace ChatRequest.CodeFixes.Internal;

/// <summary>
/// One fix for one diagnostic: what the light bulb shows (<see cref="Title"/>), what Fix All groups by
/// (<see cref="EquivalenceKey"/>) and the edit, recorded on a <see cref="ChainEditor"/> so that many fixes of one
/// document (Fix All) can be applied together, also several on one chain.
/// </summary>
internal sealed class ChainFix
{
    public ChainFix(string title, string equivalenceKey, Action<ChainEditor> apply)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        Apply = apply;
    }

    public string Title { get; }

    public string EquivalenceKey { get; }

    public Action<ChainEditor> Apply { get; }
}
