using System.Text.Json;

namespace ChatRequest.Serialization;

/// <summary>
/// Immutable copies of caller-supplied model objects: the builder keeps the JSON of what it was given and makes
/// fresh objects at each build, so neither the caller nor a built request can change another request.
/// </summary>
internal static class Snapshot
{
    public static JsonElement Freeze<T>(T value) => JsonSerializer.SerializeToElement(value, UnionJson.Info<T>(ChatJson.CopyOptions));

    /// <summary>Makes <paramref name="target"/> a fresh copy of the frozen request.</summary>
    public static void ThawInto(CreateChatCompletionRequest target, JsonElement frozen) =>
        target.AdoptFrom(Thaw<CreateChatCompletionRequest>(frozen));

    public static T Thaw<T>(JsonElement frozen) => JsonSerializer.Deserialize(frozen, UnionJson.Info<T>(ChatJson.CopyOptions))!;
}
