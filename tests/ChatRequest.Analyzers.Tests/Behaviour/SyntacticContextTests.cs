using ChatRequest.Analyzers.Rules;
using ChatRequest.Analyzers.Tests.Verifiers;

namespace ChatRequest.Analyzers.Tests.Behaviour;

/// <summary>
/// Every place a chain can sit in C#, checked for a value rule (CHAT101), a "two things together" chain rule
/// (CHAT201) and a "something missing" chain rule (CHAT207). <c>$CHAIN$</c> is replaced by a chain that breaks the
/// rule, with markup on the reported span.
/// </summary>
public class SyntacticContextTests
{
    private const string ValueRuleChain = """Chat.With("gpt-4o").User("Hi").Temperature([|2.5|]).Build()""";
    private const string PairRuleChain = """Chat.With("gpt-4o").User("Hi").Temperature(0.2).[|TopP|](0.5).Build()""";
    private const string MissingRuleChain = """Chat.With("gpt-4o").Temperature(0.2).[|Build|]()""";

    public static IEnumerable<TestCaseData> Contexts()
    {
        yield return Context("split over lines with comments", """
            using ChatRequest;

            class C
            {
                object M() =>
                    // a chain split over lines, with comments between the calls
                    $CHAIN$;
            }
            """, split: true);
        yield return Context("lambda", """
            using System;
            using ChatRequest;

            class C
            {
                Func<object> M() => () => $CHAIN$;
            }
            """);
        yield return Context("statement lambda passed as an argument", """
            using System;
            using System.Linq;
            using ChatRequest;

            class C
            {
                object[] M(int[] items) => items.Select(i => { return (object)$CHAIN$; }).ToArray();
            }
            """);
        yield return Context("field initializer", """
            using ChatRequest;

            class C
            {
                private readonly object _request = $CHAIN$;
            }
            """);
        yield return Context("static property initializer", """
            using ChatRequest;

            class C
            {
                public static object Request { get; } = $CHAIN$;
            }
            """);
        yield return Context("expression-bodied property", """
            using ChatRequest;

            class C
            {
                public object Request => $CHAIN$;
            }
            """);
        yield return Context("async method", """
            using System.Threading.Tasks;
            using ChatRequest;

            class C
            {
                async Task<object> M()
                {
                    await Task.Yield();
                    return $CHAIN$;
                }
            }
            """);
        yield return Context("local function", """
            using ChatRequest;

            class C
            {
                object M()
                {
                    return Make();

                    static object Make() => $CHAIN$;
                }
            }
            """);
        yield return Context("collection initializer", """
            using System.Collections.Generic;
            using ChatRequest;

            class C
            {
                List<object> M() => new List<object> { "first", $CHAIN$ };
            }
            """);
        yield return Context("dictionary and object initializers", """
            using System.Collections.Generic;
            using ChatRequest;

            class Holder
            {
                public object Request { get; set; }
            }

            class C
            {
                object M() => new Dictionary<string, Holder> { ["a"] = new Holder { Request = $CHAIN$ } };
            }
            """);
        yield return Context("switch expression and conditional", """
            using ChatRequest;

            class C
            {
                object M(int kind, bool flag) => kind switch
                {
                    0 => flag ? $CHAIN$ : null,
                    _ => null,
                };
            }
            """);
        yield return Context("using static ChatRequest.Chat", """
            using ChatRequest;
            using static ChatRequest.Chat;

            class C
            {
                object M() => $CHAIN$;
            }
            """, usingStatic: true);
        yield return Context("constructor argument and interpolated string", """
            using ChatRequest;

            class Wrapper
            {
                public Wrapper(object request) { }
            }

            class C
            {
                object M() => new Wrapper($CHAIN$);
                string N() => $"{$CHAIN$}";
            }
            """, occurrences: 2);
    }

    [TestCaseSource(nameof(Contexts))]
    public Task Value_rule_is_reported(string source, bool split, bool usingStatic, int occurrences) =>
        AnalyzerVerifier<NumericRangeAnalyzer>.VerifyAsync(Fill(source, ValueRuleChain, split, usingStatic));

    [TestCaseSource(nameof(Contexts))]
    public Task Chain_rule_on_two_settings_is_reported(string source, bool split, bool usingStatic, int occurrences) =>
        AnalyzerVerifier<SamplingConflictAnalyzer>.VerifyAsync(Fill(source, PairRuleChain, split, usingStatic));

    [TestCaseSource(nameof(Contexts))]
    public Task Chain_rule_on_something_missing_is_reported(string source, bool split, bool usingStatic, int occurrences) =>
        AnalyzerVerifier<NoMessagesAnalyzer>.VerifyAsync(Fill(source, MissingRuleChain, split, usingStatic));

    [Test]
    public Task Top_level_statements_are_analyzed() =>
        AnalyzerVerifier<NumericRangeAnalyzer>.VerifyProgramAsync("""
            using System;
            using ChatRequest;

            var request = Chat.With("gpt-4o")
                .System("You are terse.")
                .User("Hi")
                .Temperature([|9|])
                .Build();
            Console.WriteLine(request);
            """);

    [Test]
    public Task Top_level_statements_are_analyzed_for_chain_rules() =>
        AnalyzerVerifier<SamplingConflictAnalyzer>.VerifyProgramAsync("""
            using ChatRequest;

            var request = Chat.With("gpt-4o").User("Hi").Temperature(1).[|TopP|](1).Build();
            System.Console.WriteLine(request);
            """);

    [Test]
    public Task A_chain_after_conditional_access_is_its_own_chain() =>
        AnalyzerVerifier<SamplingConflictAnalyzer>.VerifyAsync(Code.InMethod("""
            _ = builder?.Temperature(1).[|TopP|](1);
            _ = builder?.Temperature(1)?.TopP(1);
            """));

    private static TestCaseData Context(string name, string source, bool split = false, bool usingStatic = false, int occurrences = 1) =>
        new TestCaseData(source, split, usingStatic, occurrences).SetArgDisplayNames(name);

    private static string Fill(string source, string chain, bool split, bool usingStatic)
    {
        if (usingStatic)
        {
            chain = chain.Replace("Chat.With(", "With(", StringComparison.Ordinal);
        }

        if (split)
        {
            chain = chain.Replace(").", ")\n            /* step */ .", StringComparison.Ordinal) + " /* end */";
        }

        return source.Replace("$CHAIN$", chain, StringComparison.Ordinal);
    }
}
