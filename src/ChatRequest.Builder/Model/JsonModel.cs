using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRequest;

/// <summary>
/// Base of every JSON object in the request model. It keeps members that the model does not know
/// (OpenAI-compatible servers add their own) and writes them back unchanged.
/// </summary>
public abstract class JsonModel
{
    private List<string>? _explicitNulls;
    private IDictionary<string, JsonElement>? _additionalProperties;

    /// <summary>
    /// Members of this JSON object that the model does not declare, by JSON name. They are kept when a body is
    /// parsed and written back after the known members.
    /// </summary>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? AdditionalProperties
    {
        get
        {
            Load();
            return _additionalProperties;
        }

        set
        {
            Load();
            _additionalProperties = value;
        }
    }

    /// <summary>Hook for a model whose members are made on first access (a built request); nothing for others.</summary>
    private protected virtual void Load()
    {
    }

    private protected void CopyBaseStateFrom(JsonModel source)
    {
        _additionalProperties = source._additionalProperties;
        _explicitNulls = source._explicitNulls;
    }

    /// <summary>
    /// True when the parsed JSON held an explicit <c>null</c> for the member with this JSON name. Such members are
    /// written back as <c>null</c> (while the member stays unset), so a parsed body round-trips unchanged.
    /// </summary>
    /// <param name="jsonName">The member's JSON name, e.g. <c>reasoning_effort</c>.</param>
    /// <returns>True when the member was an explicit JSON null.</returns>
    public bool IsExplicitNull(string jsonName)
    {
        Load();
        return _explicitNulls is not null && _explicitNulls.Contains(jsonName);
    }

    internal bool HasExplicitNulls => _explicitNulls is { Count: > 0 };

    internal void MarkExplicitNull(string jsonName)
    {
        _explicitNulls ??= new List<string>(1);
        if (!_explicitNulls.Contains(jsonName))
        {
            _explicitNulls.Add(jsonName);
        }
    }

    internal void ClearExplicitNull(string jsonName) => _explicitNulls?.Remove(jsonName);
}
