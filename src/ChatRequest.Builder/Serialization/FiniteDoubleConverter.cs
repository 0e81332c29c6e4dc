using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ChatRequest.Serialization;

/// <summary>
/// Reads a JSON number as a finite double. System.Text.Json reads a number beyond the double range (1e400) as
/// infinity, which no JSON writer can write back; such a body is a <see cref="JsonException"/> instead.
/// </summary>
internal sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            throw new JsonException("The JSON value could not be converted to System.Double.");
        }

        var value = reader.GetDouble();
        if (double.IsInfinity(value) || double.IsNaN(value))
        {
            throw new JsonException("The number is beyond the range of a double (about ±1.8e308).");
        }

        return value;
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}
