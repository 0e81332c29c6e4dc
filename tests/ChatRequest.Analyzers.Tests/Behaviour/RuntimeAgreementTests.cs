using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ChatRequest.Analyzers.Rules;
using ChatRequest.Analyzers.Tests.Verifiers;
using ChatRequest.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ChatRequest.Analyzers.Tests.Behaviour;

/// <summary>
/// Property test: for every numeric parameter the analyzer checks, at least 10,000 random constants (boundaries,
/// ±0, NaN, infinities, neighbours one ulp away, float and int literals converted to double) — the analyzer
/// reports CHAT101 exactly when the runtime's Validate() reports CHAT101 for the same value. One compilation per
/// parameter, one call per line; diagnostics are matched to values by line.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class RuntimeAgreementTests
{
    private const int ValuesPerParameter = 10_000;
    private const int Seed = 20_251_125;

    public static IEnumerable<TestCaseData> Parameters() =>
        ChatRules.BuilderMethods
            .SelectMany(method => method.NumericParameters.Select(parameter => (method, parameter)))
            .Select(pair => new TestCaseData(pair.method.Name, pair.parameter.ParameterName)
                .SetArgDisplayNames(pair.method.Name + "." + pair.parameter.ParameterName));

    [Test]
    public void Every_numeric_limit_of_the_table_is_covered() =>
        Parameters().Select(p => p.Arguments[0] + "." + p.Arguments[1]).Should().BeEquivalentTo(
            "Temperature.temperature", "TopP.topP", "FrequencyPenalty.frequencyPenalty", "PresencePenalty.presencePenalty",
            "LogitBias.tokenId", "LogitBias.bias", "MaxTokens.maxTokens", "MaxCompletionTokens.maxCompletionTokens", "N.n",
            "TopLogprobs.topLogprobs");

    [TestCaseSource(nameof(Parameters))]
    public async Task Analyzer_and_runtime_agree_on_every_constant(string methodName, string parameterName)
    {
        var method = typeof(ChatRequestBuilder).GetMethods().Single(m => m.Name == methodName && m.GetParameters().Any(p => p.Name == parameterName));
        var parameters = method.GetParameters();
        var isDouble = parameters.Single(p => p.Name == parameterName).ParameterType == typeof(double);
        var limit = ChatRules.BuilderMethods.Single(m => m.Name == methodName).NumericParameters.Single(p => p.ParameterName == parameterName).Limit;
        var random = new Random(Seed ^ StringComparer.Ordinal.GetHashCode(methodName + parameterName) % 1000);
        var cases = (isDouble ? DoubleCases(random, limit) : IntCases(random, limit)).ToList();
        cases.Count.Should().BeGreaterThanOrEqualTo(ValuesPerParameter);

        // One call per line: b.Method(literal) with the other parameters (if any) at an allowed value.
        var source = new StringBuilder("using ChatRequest;\n\nclass Generated\n{\n");
        var lineOfCase = new int[cases.Count];
        var line = 4;
        const int callsPerMethod = 500;
        for (var i = 0; i < cases.Count; i++)
        {
            if (i % callsPerMethod == 0)
            {
                source.Append(i == 0 ? string.Empty : "    }\n").Append("    void M").Append(i / callsPerMethod).Append("(ChatRequestBuilder b)\n    {\n");
                line += i == 0 ? 2 : 3;
            }

            var arguments = string.Join(", ", parameters.Select(p => p.Name == parameterName ? cases[i].Literal : "0"));
            source.Append("        b.").Append(methodName).Append('(').Append(arguments).Append(");\n");
            lineOfCase[i] = line++;
        }

        source.Append("    }\n}\n");

        var compilation = CompilerHarness.Empty.AddSyntaxTrees(CompilerHarness.Parse(source.ToString()));
        compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Should().BeEmpty();
        var result = await CompilerHarness.AnalyzeAsync(compilation, ImmutableArray.Create<DiagnosticAnalyzer>(new NumericRangeAnalyzer()));
        result.Exceptions.Should().BeEmpty();
        var reportedLines = result.Diagnostics.Select(d => d.Location.GetLineSpan().StartLinePosition.Line).ToHashSet();

        var disagreements = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var analyzerRejects = reportedLines.Contains(lineOfCase[i]);
            var runtimeRejects = RuntimeRejects(method, parameterName, cases[i].Value);
            if (analyzerRejects != runtimeRejects)
            {
                disagreements.Add($"{cases[i].Literal}: analyzer {(analyzerRejects ? "rejects" : "accepts")}, runtime {(runtimeRejects ? "rejects" : "accepts")}");
            }
        }

        disagreements.Should().BeEmpty();
        reportedLines.Should().NotBeEmpty().And.HaveCountLessThan(cases.Count, "the cases hold both allowed and rejected values");
    }

    private static bool RuntimeRejects(System.Reflection.MethodInfo method, string parameterName, object value)
    {
        var arguments = method.GetParameters().Select(p => p.Name == parameterName ? value : Convert.ChangeType(0, p.ParameterType, CultureInfo.InvariantCulture)).ToArray();
        var builder = (ChatRequestBuilder)method.Invoke(Chat.With("m").User("x"), arguments)!;
        return builder.Validate().Any(p => p.RuleId == ChatRules.NumericRange);
    }

    private readonly record struct Case(string Literal, object Value);

    private static IEnumerable<Case> DoubleCases(Random random, NumericLimit limit)
    {
        var anchors = new List<double> { limit.Min, limit.Max, 0.0, -0.0, 1, -1, 0.5, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue };
        foreach (var anchor in anchors.ToArray())
        {
            anchors.Add(Math.BitIncrement(anchor));
            anchors.Add(Math.BitDecrement(anchor));
        }

        foreach (var anchor in anchors)
        {
            yield return Double(anchor);
            yield return Float((float)anchor);
        }

        yield return new Case("double.NaN", double.NaN);
        yield return new Case("double.PositiveInfinity", double.PositiveInfinity);
        yield return new Case("double.NegativeInfinity", double.NegativeInfinity);
        yield return new Case("float.NaN", (double)float.NaN);
        yield return new Case("float.PositiveInfinity", (double)float.PositiveInfinity);
        yield return new Case("-1.0 / 0.0", double.NegativeInfinity);
        yield return new Case("0.0 / 0.0", double.NaN);

        var span = limit.Max >= int.MaxValue ? 1e6 : limit.Max - limit.Min;
        for (var i = 0; i < ValuesPerParameter; i++)
        {
            var kind = random.Next(10);
            var near = limit.Min - (span / 2) + (random.NextDouble() * span * 2);
            switch (kind)
            {
                case 0:
                    // Any bit pattern: subnormals, huge values, NaN payloads.
                    yield return Double(BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)));
                    break;
                case 1:
                    // One to three ulps from a boundary.
                    var boundary = random.Next(2) == 0 ? limit.Min : limit.Max;
                    var steps = random.Next(1, 4);
                    for (var s = 0; s < steps; s++)
                    {
                        boundary = random.Next(2) == 0 ? Math.BitIncrement(boundary) : Math.BitDecrement(boundary);
                    }

                    yield return Double(boundary);
                    break;
                case 2:
                    yield return Float((float)near);
                    break;
                case 3:
                    var integer = (int)Math.Round(near);
                    yield return new Case(integer.ToString(CultureInfo.InvariantCulture), (double)integer);
                    break;
                default:
                    yield return Double(near);
                    break;
            }
        }
    }

    private static IEnumerable<Case> IntCases(Random random, NumericLimit limit)
    {
        var min = (long)limit.Min;
        var max = (long)Math.Min(limit.Max, int.MaxValue);
        foreach (var anchor in new long[] { min - 1, min, min + 1, max - 1, max, max + 1, 0, -1, 1, int.MinValue, int.MaxValue, int.MinValue + 1, int.MaxValue - 1 })
        {
            if (anchor is >= int.MinValue and <= int.MaxValue)
            {
                yield return Int((int)anchor);
            }
        }

        for (var i = 0; i < ValuesPerParameter; i++)
        {
            yield return random.Next(3) switch
            {
                0 => Int(random.Next(int.MinValue, int.MaxValue)),
                _ => Int((int)Math.Clamp(random.NextInt64(min - 50, Math.Min(max, min + 200) + 50), int.MinValue, int.MaxValue)),
            };
        }
    }

    private static Case Double(double value)
    {
        if (double.IsNaN(value))
        {
            return new Case("double.NaN", value);
        }

        if (double.IsInfinity(value))
        {
            return new Case(value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity", value);
        }

        return new Case(value.ToString("R", CultureInfo.InvariantCulture) + "d", value);
    }

    private static Case Float(float value)
    {
        if (float.IsNaN(value) || float.IsInfinity(value))
        {
            return Double(value);
        }

        return new Case(value.ToString("R", CultureInfo.InvariantCulture) + "f", (double)value);
    }

    private static Case Int(int value) => new(value.ToString(CultureInfo.InvariantCulture), value);
}
