using System.Globalization;
using System.Text;

namespace ChatRequest.AnalyzerCost;

/// <summary>
/// Writes the synthetic project: <see cref="ChainsPerFile"/> builder chains per file, each file also holding a
/// service class of ordinary code (records, LINQ, a switch expression, async, StringBuilder) that does not touch the
/// builder. Chains rotate through ten kinds: valid constants, out-of-range constants, non-constant arguments, a long
/// chain, too many stop sequences, tools with a forced choice, missing prerequisites, a shared partial chain that
/// branches, reasoning-model and deprecated settings, const/folded/named arguments. About half of the kinds draw at
/// least one diagnostic. With <c>useBuilder: false</c> the chain methods become StringBuilder chains of the same
/// shape: the project still references ChatRequest (and holds a field of its type) but never calls the builder.
/// Deterministic: the same arguments give the same files.
/// </summary>
public static class SyntheticProject
{
    public const int ChainsPerFile = 20;

    public const int ChainKinds = 10;

    /// <summary>The files of a project with <paramref name="chains"/> chains (rounded up to whole files).</summary>
    public static IEnumerable<(string Name, string Text)> Files(int chains, bool useBuilder)
    {
        var files = (chains + ChainsPerFile - 1) / ChainsPerFile;
        for (var f = 0; f < files; f++)
        {
            yield return ($"Feature{f:D5}.cs", File(f, useBuilder));
        }
    }

    /// <summary>Writes a buildable project (csproj, .editorconfig, sources) to <paramref name="directory"/>.</summary>
    public static void WriteToDisk(string directory, int chains, bool useBuilder, string builderDll, string? analyzerDll)
    {
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        var src = Directory.CreateDirectory(Path.Combine(directory, "src")).FullName;
        var lib = Directory.CreateDirectory(Path.Combine(directory, "lib")).FullName;
        System.IO.File.Copy(builderDll, Path.Combine(lib, Path.GetFileName(builderDll)));
        var analyzerItem = string.Empty;
        if (analyzerDll is not null)
        {
            System.IO.File.Copy(analyzerDll, Path.Combine(lib, Path.GetFileName(analyzerDll)));
            analyzerItem = $"""    <Analyzer Include="lib/{Path.GetFileName(analyzerDll)}" />""";
        }

        foreach (var (name, text) in Files(chains, useBuilder))
        {
            System.IO.File.WriteAllText(Path.Combine(src, name), text);
        }

        // Stop the search for the repository's Directory.*.props (warnings as errors, central versions).
        System.IO.File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), "<Project />\n");
        System.IO.File.WriteAllText(Path.Combine(directory, "Directory.Build.targets"), "<Project />\n");
        System.IO.File.WriteAllText(Path.Combine(directory, "Directory.Packages.props"), "<Project />\n");
        System.IO.File.WriteAllText(Path.Combine(directory, "Synthetic.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <OutputType>Library</OutputType>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="src/*.cs" />
                <Reference Include="ChatRequest.Builder" HintPath="lib/{Path.GetFileName(builderDll)}" />
            {analyzerItem}
              </ItemGroup>
            </Project>
            """);

        // The invalid constants are on purpose: keep every rule on (a rule whose ids are all suppressed is not
        // run at all) but as a warning, so the build succeeds.
        var editorConfig = new StringBuilder("root = true\n\n[*.cs]\n");
        foreach (var id in AnalyzerSet.RuleIds())
        {
            editorConfig.Append(CultureInfo.InvariantCulture, $"dotnet_diagnostic.{id}.severity = warning\n");
        }

        System.IO.File.WriteAllText(Path.Combine(directory, ".editorconfig"), editorConfig.ToString());
    }

    private static string File(int f, bool useBuilder)
    {
        var n = f.ToString("D5", CultureInfo.InvariantCulture);
        var sb = new StringBuilder(16 * 1024);
        sb.Append(CultureInfo.InvariantCulture, $$"""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Text;
            using System.Threading.Tasks;
            using ChatRequest;

            namespace Synthetic.Feature{{n}};

            public sealed record Order{{n}}(int Id, string Customer, decimal Amount, DateTime Placed);

            public sealed class Feature{{n}}Service
            {
                private const double Warm = 0.9;
                private const int Budget = 300;
                private readonly Dictionary<string, List<Order{{n}}>> _byCustomer = new(StringComparer.Ordinal);
                private readonly string _model;
                private readonly double _temperature;
                private readonly int _maxTokens;
                private CreateChatCompletionRequest? _last;

                public Feature{{n}}Service(string model, double temperature, int maxTokens)
                {
                    _model = model ?? throw new ArgumentNullException(nameof(model));
                    _temperature = temperature;
                    _maxTokens = maxTokens;
                }

                public CreateChatCompletionRequest? Last => _last;

                public void Add(Order{{n}} order)
                {
                    if (!_byCustomer.TryGetValue(order.Customer, out var orders))
                    {
                        orders = new List<Order{{n}}>();
                        _byCustomer.Add(order.Customer, orders);
                    }

                    orders.Add(order);
                }

                public IReadOnlyList<(string Customer, decimal Total)> TopCustomers(int count) =>
                    _byCustomer
                        .Select(pair => (pair.Key, pair.Value.Sum(o => o.Amount)))
                        .OrderByDescending(t => t.Item2)
                        .ThenBy(t => t.Key, StringComparer.Ordinal)
                        .Take(count)
                        .ToList();

                public static string Describe(Order{{n}} order) => order.Amount switch
                {
                    < 10m => $"small order {order.Id} for {order.Customer}",
                    < 100m => $"order {order.Id} for {order.Customer} ({order.Amount:F2})",
                    _ => $"large order {order.Id} for {order.Customer} placed {order.Placed:yyyy-MM-dd}",
                };

                public async Task<int> CountRecentAsync(DateTime since)
                {
                    await Task.Yield();
                    var count = 0;
                    foreach (var orders in _byCustomer.Values)
                    {
                        foreach (var order in orders)
                        {
                            if (order.Placed >= since && order.Amount > 0m)
                            {
                                count++;
                            }
                        }
                    }

                    return count;
                }

                public string Report()
                {
                    var text = new StringBuilder();
                    foreach (var (customer, total) in TopCustomers(5))
                    {
                        text.Append(customer).Append(": ").Append(total.ToString("F2")).AppendLine();
                    }

                    return text.ToString();
                }

            """);

        for (var c = 0; c < ChainsPerFile; c++)
        {
            var kind = (f * ChainsPerFile + c) % ChainKinds;
            sb.Append(useBuilder ? BuilderChain(kind, c) : PlainChain(kind, c));
        }

        sb.Append("}\n");
        return sb.ToString();
    }

    private static string BuilderChain(int kind, int c) => kind switch
    {
        // Valid constants.
        0 => $$"""
                public CreateChatCompletionRequest Ask{{c}}(string question) =>
                    Chat.With("gpt-4o")
                        .System("You are a terse assistant.")
                        .User(question)
                        .Temperature(0.7)
                        .MaxCompletionTokens(512)
                        .Build();

            """,

        // Out-of-range constants (CHAT101) and temperature with top_p (CHAT201).
        1 => $$"""
                public CreateChatCompletionRequest Ask{{c}}(string question) =>
                    Chat.With("gpt-4o-mini")
                        .User(question)
                        .Temperature(2.5)
                        .TopP(1.5)
                        .FrequencyPenalty(-3)
                        .Build();

            """,

        // Non-constant arguments: nothing the analyzer can judge.
        2 => $$"""
                public CreateChatCompletionRequest Ask{{c}}(string question, int choices) =>
                    Chat.With(_model)
                        .System(Report())
                        .User(question)
                        .Temperature(_temperature)
                        .MaxCompletionTokens(_maxTokens)
                        .N(choices)
                        .Build();

            """,

        // A long chain.
        3 => $$$"""
                public CreateChatCompletionRequest Ask{{{c}}}(string question) =>
                    Chat.With("gpt-4o")
                        .System("You are a terse assistant.")
                        .User("What is the capital of France?")
                        .Assistant("Paris.")
                        .User("And of Germany?")
                        .Assistant("Berlin.")
                        .User("And of Italy?")
                        .Assistant("Rome.")
                        .User(question)
                        .Temperature(0.2)
                        .MaxCompletionTokens(256)
                        .Stop("\n", "END")
                        .LogitBias(50256, -100)
                        .LogitBias(1234, 5)
                        .EndUser("user-1234")
                        .N(1)
                        .FrequencyPenalty(0.5)
                        .PresencePenalty(-0.5)
                        .Seed(42)
                        .Metadata("feature", "{{{c}}}")
                        .Tool("get_weather", "Get the weather for a city", "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},\"required\":[\"city\"]}")
                        .ToolChoice(ToolChoiceMode.Auto)
                        .Build();

            """,

        // Too many stop sequences (CHAT102) and n out of range (CHAT101).
        4 => $$"""
                public CreateChatCompletionRequest Ask{{c}}(string question) =>
                    Chat.With("gpt-4o")
                        .User(question)
                        .Stop("a", "b", "c", "d", "e")
                        .N(0)
                        .Build();

            """,

        // Tools with a forced choice (valid).
        5 => $$"""
                public CreateChatCompletionRequest Ask{{c}}(string question) =>
                    Chat.With("gpt-4.1")
                        .System("Use the tools.")
                        .User(question)
                        .Tool("get_weather", "Get the weather for a city")
                        .Tool("get_time", "Get the local time of a city")
                        .ForceFunction("get_weather")
                        .ParallelToolCalls(false)
                        .Build();

            """,

        // Missing prerequisites (CHAT202, CHAT203, CHAT204).
        6 => $$"""
                public CreateChatCompletionRequest Ask{{c}}(string question) =>
                    Chat.With("gpt-4o")
                        .User(question)
                        .TopLogprobs(5)
                        .StreamOptions(includeUsage: true)
                        .ParallelToolCalls()
                        .Build();

            """,

        // A shared partial chain that branches (two chains from one start).
        7 => $$"""
                public CreateChatCompletionRequest Ask{{c}}(string question)
                {
                    var start = Chat.With("gpt-4o-mini").System("You are a terse assistant.");
                    _last = start.User("Warm up.").Temperature(0.1).Build();
                    return start.User(question).Temperature(1.2).MaxCompletionTokens(Budget).Build();
                }

            """,

        // Reasoning model with sampling (CHAT301), deprecated max_tokens (CHAT401), a bad tool name (CHAT104).
        8 => $$"""
                public CreateChatCompletionRequest Ask{{c}}(string question) =>
                    Chat.With("o3-mini")
                        .User(question)
                        .ReasoningEffort(ReasoningEffort.Low)
                        .Temperature(0.2)
                        .MaxTokens(256)
                        .Tool("get weather!", "Get the weather")
                        .Build();

            """,

        // Constants through const fields, folding and named arguments (valid).
        _ => $$"""
                public CreateChatCompletionRequest Ask{{c}}(string question) =>
                    Chat.With(model: "gpt-4o")
                        .User(content: question)
                        .Temperature(temperature: Warm)
                        .PresencePenalty(-Warm / 2)
                        .MaxCompletionTokens(Budget * 2)
                        .Build();

            """,
    };

    /// <summary>The same shapes without the builder: fluent StringBuilder chains (as many invocations).</summary>
    private static string PlainChain(int kind, int c)
    {
        var calls = kind switch { 3 => 20, 2 => 6, 7 => 5, _ => 5 };
        var chain = new StringBuilder();
        chain.Append(CultureInfo.InvariantCulture, $"    public string Ask{c}(string question) =>\n        new StringBuilder(\"gpt-4o\")\n");
        for (var i = 0; i < calls; i++)
        {
            chain.Append((i % 3) switch
            {
                0 => "            .Append(question)\n",
                1 => "            .Append(" + (0.1 * (i + kind)).ToString("F1", CultureInfo.InvariantCulture) + ")\n",
                _ => "            .Append(\"; \")\n",
            });
        }

        chain.Append("            .ToString();\n\n");
        return chain.ToString();
    }
}
