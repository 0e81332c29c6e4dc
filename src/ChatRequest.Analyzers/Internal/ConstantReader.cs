using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace ChatRequest.Analyzers.Internal;

/// <summary>
/// Reads compile-time constants from operations. Roslyn has already folded them: literals, const fields and
/// locals, constant expressions, unary minus, casts and implicit conversions (the value is the converted one, so
/// a float literal passed as double reads as the double the method receives). Anything else is "not known".
/// </summary>
internal static class ConstantReader
{
    /// <summary>Reads a numeric constant as the double the API field receives.</summary>
    public static bool TryGetNumber(IOperation? operation, out double value)
    {
        value = 0;
        if (operation is null)
        {
            return false;
        }

        var constant = operation.ConstantValue;
        if (!constant.HasValue)
        {
            return false;
        }

        switch (constant.Value)
        {
            case double d:
                value = d;
                return true;
            case float f:
                value = f;
                return true;
            case int i:
                value = i;
                return true;
            case long l:
                value = l;
                return true;
            case short s:
                value = s;
                return true;
            case sbyte sb:
                value = sb;
                return true;
            case byte b:
                value = b;
                return true;
            case ushort us:
                value = us;
                return true;
            case uint ui:
                value = ui;
                return true;
            case ulong ul:
                value = ul;
                return true;
            case char c:
                value = c;
                return true;
            case decimal m:
                value = (double)m;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads a string constant; <paramref name="value"/> is null for a constant null.</summary>
    public static bool TryGetString(IOperation? operation, out string? value)
    {
        value = null;
        if (operation is null)
        {
            return false;
        }

        var constant = operation.ConstantValue;
        if (!constant.HasValue)
        {
            return false;
        }

        switch (constant.Value)
        {
            case null:
                return true;
            case string s:
                value = s;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Reads a bool constant.</summary>
    public static bool TryGetBool(IOperation? operation, out bool value)
    {
        value = false;
        if (operation?.ConstantValue is { HasValue: true, Value: bool b })
        {
            value = b;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The elements of an array argument whose length is known at compile time: a <c>params</c> list or an array
    /// creation with an initializer (<c>new[] { ... }</c>). Returns null when the array is not visible here.
    /// </summary>
    public static IReadOnlyList<IOperation>? ArrayElements(IArgumentOperation? argument)
    {
        var value = argument?.Value;
        while (value is IConversionOperation { IsImplicit: true } conversion)
        {
            value = conversion.Operand;
        }

        if (value is IArrayCreationOperation { Initializer: { } initializer })
        {
            var elements = new List<IOperation>(initializer.ElementValues.Length);
            foreach (var element in initializer.ElementValues)
            {
                if (element is null)
                {
                    return null;
                }

                elements.Add(element);
            }

            return elements;
        }

        return null;
    }

    /// <summary>A number as the runtime's messages print it.</summary>
    public static string Format(double value) => Validation.NumericLimit.Format(value);

    /// <summary>An integer as the runtime's messages print it.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>True when two constants are equal (used for enum members).</summary>
    public static bool SameConstant(IOperation? operation, object? expected) =>
        expected is not null && operation?.ConstantValue is { HasValue: true } constant && Equals(constant.Value, expected);
}
