using System;
using System.Text.Json;

namespace ChatRequest.Serialization;

/// <summary>
/// Immutable copies of caller-supplied model objects: the builder keeps the JSON of what it was given and makes
/// fresh objects at each build, so neither the caller nor a built request can change another request.
/// </summary>
internal static class Snapshot
{
    public static JsonElement Freeze<T>(T value) => JsonSerializer.SerializeToElement(value, UnionJson.Info<T>(ChatJson.CopyOptions));

    /// <summary>
    /// Freezes a caller's object. One whose JSON the reader refuses (a repeated member, e.g. an unknown member named
    /// like a known one) is an <see cref="ArgumentException"/> for the caller, like any other bad JSON given to the builder.
    /// </summary>
    /// <exception cref="ArgumentException">The object's JSON cannot be read back.</exception>
    public static JsonElement Freeze<T>(T value, string parameterName)
    {
        try
        {
            return Freeze(value);
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("'" + parameterName + "' cannot be copied as JSON: " + ex.Message, parameterName, ex);
        }
    }

    /// <summary>Makes <paramref name="target"/> a fresh copy of the frozen request.</summary>
    public static void ThawInto(CreateChatCompletionRequest target, JsonElement frozen) =>
        target.AdoptFrom(Thaw<CreateChatCompletionRequest>(frozen));

    public static T Thaw<T>(JsonElement frozen) => JsonSerializer.Deserialize(frozen, UnionJson.Info<T>(ChatJson.CopyOptions))!;
}
