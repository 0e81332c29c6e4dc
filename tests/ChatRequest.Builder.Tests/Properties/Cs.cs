using System.Globalization;
using System.Text;

namespace ChatRequest.Tests.Properties;

/// <summary>C# source text for generated values, so that a counterexample prints as code one can paste into a test.</summary>
internal static class Cs
{
    public static string Str(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\0':
                    text.Append("\\0");
                    break;
                default:
                    if (c < ' ' || (c >= '\u007f' && c <= '\u00a0') || c == '\u2028' || c == '\u2029' || char.IsSurrogate(c) || c == '\ufeff')
                    {
                        text.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }

    public static string Num(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return "double.PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return "double.NegativeInfinity";
        }

        if (value == double.MaxValue)
        {
            return "double.MaxValue";
        }

        if (value == double.MinValue)
        {
            return "double.MinValue";
        }

        return value.ToString("R", CultureInfo.InvariantCulture) + "d";
    }

    public static string Int(int value) => value switch
    {
        int.MinValue => "int.MinValue",
        int.MaxValue => "int.MaxValue",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    public static string Long(long value) => value switch
    {
        long.MinValue => "long.MinValue",
        long.MaxValue => "long.MaxValue",
        _ => value.ToString(CultureInfo.InvariantCulture) + "L",
    };

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Bool(bool? value) => value is { } v ? Bool(v) : "null";

    public static string Enum<T>(T value)
        where T : struct, Enum => typeof(T).Name + "." + value;

    public static string Enum<T>(T? value)
        where T : struct, Enum => value is { } v ? Enum(v) : "null";

    public static string Bytes(byte[] bytes) =>
        bytes.Length == 0 ? "Array.Empty<byte>()" : "new byte[] { " + string.Join(", ", bytes.Select(b => b.ToString(CultureInfo.InvariantCulture))) + " }";

    /// <summary>Arguments, dropping trailing ones that are null (so optional parameters keep their defaults in the text).</summary>
    public static string Args(params string[] arguments)
    {
        var count = arguments.Length;
        while (count > 0 && arguments[count - 1] == "null")
        {
            count--;
        }

        return string.Join(", ", arguments.Take(count));
    }
}
