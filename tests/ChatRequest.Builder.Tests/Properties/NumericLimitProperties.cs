using System.Globalization;
using System.Reflection;
using System.Text.Json.Nodes;
using ChatRequest.Validation;
using CsCheck;

namespace ChatRequest.Tests.Properties;

/// <summary>
/// For every numeric parameter in the rules table: Build() succeeds exactly when each number is inside the table's
/// range, and otherwise throws naming the JSON field. The numbers are drawn around the table's own limits (both ends,
/// one ulp inside and outside, NaN, infinities, huge and random values) and set last on a random valid chain.
/// </summary>
public class NumericLimitProperties
{
    private const int CiCasesPerMethod = 150;

    public static IEnumerable<TestCaseData> MethodsWithLimits() =>
        ChatRules.BuilderMethods.Where(m => m.NumericParameters.Count > 0).Select(m => new TestCaseData(m.Name).SetArgDisplayNames(m.Name));

    /// <summary>A numeric argument of a setter call, with its table limit.</summary>
    private sealed record Argument(NumericParameter Parameter, object Value)
    {
        public double AsDouble => Convert.ToDouble(Value, CultureInfo.InvariantCulture);

        // Written out rather than read from NumericLimit.Allows, so the test does not trust the code it checks.
        public bool IsInside => !double.IsNaN(AsDouble) && AsDouble >= Parameter.Limit.Min && AsDouble <= Parameter.Limit.Max;

        public string Code => Value is double d ? Cs.Num(d) : Cs.Int((int)Value);
    }

    private sealed record Case(Recipe Base, Argument[] Arguments, string Method)
    {
        public override string ToString() => Base + Environment.NewLine + "    ." + Method + "(" + string.Join(", ", Arguments.Select(a => a.Code)) + ")";
    }

    private static MethodInfo SetterOf(BuilderMethod method) =>
        typeof(ChatRequestBuilder).GetMethods().Single(m => m.Name == method.Name
            && method.NumericParameters.All(p => m.GetParameters().Any(q => q.Name == p.ParameterName))
            && m.GetParameters().Length == method.NumericParameters.Count);

    private static Gen<Argument> ArgumentGen(NumericParameter parameter, Type type) => type == typeof(double)
        ? Generators.DoubleAnywhere(parameter.Limit).Select(v => new Argument(parameter, v))
        : Generators.IntAnywhere(parameter.Limit).Select(v => new Argument(parameter, v));

    [TestCaseSource(nameof(MethodsWithLimits))]
    public void Build_succeeds_exactly_when_every_number_is_inside_the_tables_range(string methodName)
    {
        var method = ChatRules.FindBuilderMethod(methodName)!;
        var setter = SetterOf(method);
        var field = method.JsonField!;
        var types = setter.GetParameters().ToDictionary(p => p.Name!, p => p.ParameterType);
        var arguments = method.NumericParameters
            .Select(p => ArgumentGen(p, types[p.ParameterName]).Select(a => new[] { a }))
            .Aggregate((a, b) => Gen.Select(a, b, (x, y) => x.Concat(y).ToArray()));
        var gen = Gen.Select(Generators.ValidRecipe, arguments, (recipe, args) => new Case(recipe, args, methodName));
        var outside = 0;

        PropertyRun.ForAll("numeric limits of " + methodName, gen, CiCasesPerMethod, seed: 3_000 + (ulong)ChatRules.BuilderMethods.ToList().IndexOf(method), c =>
        {
            var builder = c.Base.Builder();
            if (field == ChatRules.Fields.TopLogprobs)
            {
                builder = builder.Logprobs(); // the table's cross-field rule: top_logprobs needs logprobs
            }

            var ordered = setter.GetParameters().Select(p => c.Arguments.Single(a => a.Parameter.ParameterName == p.Name).Value).ToArray();
            builder = (ChatRequestBuilder)setter.Invoke(builder, ordered)!;
            var bad = c.Arguments.Where(a => !a.IsInside).ToList();

            if (bad.Count == 0)
            {
                var body = builder.Build().Body();
                ShouldHoldTheValue(body, field, c.Arguments);
                return;
            }

            outside++;
            var thrown = FluentActions.Invoking(() => builder.Build()).Should().Throw<ChatRequestValidationException>().Which;
            var errors = thrown.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
            errors.Should().HaveCount(bad.Count, "one error per number outside its range");
            errors.Should().OnlyContain(p => p.RuleId == ChatRules.NumericRange && (p.Path == field || p.Path.StartsWith(field + "[", StringComparison.Ordinal)) && p.Message.Contains(field, StringComparison.Ordinal));
            thrown.Message.Should().Contain(field);
            foreach (var error in errors)
            {
                thrown.Message.Should().Contain(error.ToString());
            }

            builder.Validate().Where(p => p.Severity == ProblemSeverity.Error).Should().Equal(errors, "Validate() reports what Build() throws");
        }, c => c.ToString(), c => c.Base.Smaller().Select(b => c with { Base = b }));

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  of which {outside:N0} had a number outside the range"));
    }

    private static void ShouldHoldTheValue(JsonObject body, string field, Argument[] arguments)
    {
        if (field == ChatRules.Fields.LogitBias)
        {
            var token = (int)arguments.Single(a => a.Parameter.Limit == ChatRules.LogitBiasTokenId).Value;
            var bias = (int)arguments.Single(a => a.Parameter.Limit == ChatRules.LogitBiasValue).Value;
            body[field]![token.ToString(CultureInfo.InvariantCulture)]!.GetValue<int>().Should().Be(bias);
            return;
        }

        var value = arguments.Single().Value;
        if (value is double d)
        {
            // Bit for bit: the JSON number reads back as the same double (-0 stays -0).
            BitConverter.DoubleToInt64Bits(body[field]!.GetValue<double>()).Should().Be(BitConverter.DoubleToInt64Bits(d), "{0} is written exactly", Cs.Num(d));
        }
        else
        {
            body[field]!.GetValue<int>().Should().Be((int)value);
        }
    }

    [Test]
    public void Every_numeric_parameter_of_the_builder_has_a_limit_in_the_table_or_is_unbounded()
    {
        // Seed takes any 64-bit integer, and Extra's numbers are the caller's own members: the API puts no range on them.
        var unbounded = new[] { "Seed.seed", "Extra.value" };
        var numericTypes = new[] { typeof(double), typeof(float), typeof(decimal), typeof(int), typeof(long), typeof(short) };
        var inBuilder = typeof(ChatRequestBuilder).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(m => m.GetParameters().Where(p => numericTypes.Contains(p.ParameterType)).Select(p => m.Name + "." + p.Name))
            .Distinct();
        var inTable = ChatRules.BuilderMethods.SelectMany(m => m.NumericParameters.Select(p => m.Name + "." + p.ParameterName));

        inBuilder.Should().BeEquivalentTo(inTable.Concat(unbounded));
    }

    [Test]
    public void Seed_takes_every_64_bit_integer_and_writes_it_exactly()
    {
        var gen = Gen.Select(Generators.ValidRecipe, Gen.Frequency((1, Gen.OneOf(long.MinValue, long.MaxValue, 0L, -1L, 1L << 53, (1L << 53) + 1)), (3, Gen.Long)));
        PropertyRun.ForAll("seed", gen, CiCasesPerMethod, seed: 3_100, c =>
        {
            var request = c.Item1.Builder().Seed(c.Item2).Build();

            request.Seed.Should().Be(c.Item2);
            request.Body()[ChatRules.Fields.Seed]!.GetValue<long>().Should().Be(c.Item2);
            CreateChatCompletionRequest.FromJson(request.ToJson()).Seed.Should().Be(c.Item2);
        }, c => c.Item1 + Environment.NewLine + "    .Seed(" + Cs.Long(c.Item2) + ")");
    }
}
