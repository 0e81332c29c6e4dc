using System.Globalization;
using System.IO.MemoryMappedFiles;
using System.Text;
using ChatRequest.Tests.Hostile;

namespace ChatRequest.Fuzz;

/// <summary>
/// The long run of hostile request bodies. Every case comes from (--seed, case number), so a run is repeatable and one
/// case is made again with --first N --cases 1. A failing body is written to --out with its seed; --replay reads it.
/// </summary>
internal static class Program
{
    private const string Usage = """
        Usage: dotnet run -c Release --project tests/ChatRequest.Fuzz -- [options]
          --cases N        cases to run (default 100000)
          --seed N         run seed (default 1); case i of a run is the same on every machine
          --first N        first case number (default 0); --first N --cases 1 remakes case N
          --timeout-ms N   a case running longer is a hang: it is written out and the run stops (default 60000;
                           a 10 MB case takes about a second, more on a loaded machine)
          --max-size N     largest body a mutation makes, in bytes (default 10485760)
          --out DIR        where failing bodies go (default artifacts/fuzz in the checkout)
          --spec DIR       the openai-spec folder (default: ../shared/openai-spec next to the checkout)
          --replay FILE    parse one saved body through every overload and report, instead of fuzzing
        Exit code: 0 clean, 1 failures, 2 a hang, 3 bad arguments or the same run already going.
        """;

    private static int Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (FormatException ex)
        {
            Console.Error.WriteLine(ex.Message);
            Console.Error.WriteLine(Usage);
            return 3;
        }

        if (options.Help)
        {
            Console.WriteLine(Usage);
            return 0;
        }

        return options.Replay is not null ? Replay(options.Replay) : Fuzz(options);
    }

    private static int Fuzz(Options options)
    {
        options.Out ??= Checkout() is { } checkout ? Path.Combine(checkout, "artifacts", "fuzz") : "fuzz-failures";
        var validationCases = FindValidationCases(options.Spec);
        if (validationCases is null)
        {
            Console.Error.WriteLine("warning: ../shared/openai-spec/validation-cases not found; seeding from the builder's requests only.");
        }

        var seeds = HostileSeeds.Load(validationCases);
        var mutator = new JsonMutator([.. seeds.Select(s => s.Body)], options.MaxSize);
        Directory.CreateDirectory(options.Out);
        Console.WriteLine(
            $"ChatRequest.Fuzz: seed {options.Seed}, cases {options.First:N0} to {options.First + options.Cases - 1:N0}, " +
            $"max size {options.MaxSize:N0} bytes, timeout {options.TimeoutMs:N0} ms per case, {seeds.Count} seed bodies " +
            $"({(validationCases is null ? "builder only" : validationCases + " and the builder")}), {Environment.ProcessorCount} cores");

        CrashMarker opened;
        try
        {
            opened = CrashMarker.Open(options.Out, options, seeds.Select(s => s.Body).ToList());
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 3;
        }

        using var marker = opened;
        var failures = 0;
        var report = HostileRunner.Run(
            mutator,
            options.Seed,
            options.First,
            options.Cases,
            TimeSpan.FromMilliseconds(options.TimeoutMs),
            beforeCase: marker.Enter,
            onFailure: failure =>
            {
                var stem = WriteFailure(options, options.MaxSize, failure, "failure");
                if (Interlocked.Increment(ref failures) <= 20)
                {
                    Console.WriteLine($"  FAILED case #{failure.Index}: {failure.Case.Description}");
                    Console.WriteLine($"    {FirstLine(failure.Failure)}");
                    Console.WriteLine($"    written to {stem}.body");
                }
            },
            onProgress: r => Console.WriteLine(
                $"  [{r.Elapsed:hh\\:mm\\:ss}] {r.Cases:N0} cases, {r.CasesPerSecond:N0}/s, accepted {r.Accepted:N0}, " +
                $"JsonException {r.Rejected:N0}, failed {r.Failed:N0}, slowest {r.Slowest.TotalMilliseconds:N0} ms (#{r.SlowestIndex})"),
            progressInterval: TimeSpan.FromSeconds(30));
        marker.Finish();

        Console.WriteLine();
        Console.Write(report.Summary());
        if (report.Hang is { } hang)
        {
            var stem = WriteFailure(options, options.MaxSize, hang, "hang");
            Console.WriteLine($"HANG: case #{hang.Index} ran longer than {options.TimeoutMs:N0} ms: {hang.Case.Description}; written to {stem}.body");
            return 2;
        }

        if (report.Failed > 0)
        {
            Console.WriteLine($"{report.Failed:N0} failing cases, written to {Path.GetFullPath(options.Out)}");
            return 1;
        }

        return 0;
    }

    private static int Replay(string path)
    {
        var body = File.ReadAllBytes(path);
        Console.WriteLine($"{path}: {body.Length:N0} bytes");
        var failed = false;

        // Fourteen stream seeds: every chunk-size limit of the probe, once with a seekable and once with a trickling stream.
        for (ulong s = 0; s < 14; s++)
        {
            var streamSeed = s * 0x101;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var result = HostileProbe.Check(body, streamSeed);
            var took = System.Diagnostics.Stopwatch.GetElapsedTime(started);
            Console.WriteLine($"  stream seed {streamSeed}: {result.Outcome} in {took.TotalMilliseconds:N1} ms{(result.OverloadsDiffer ? " (overloads differ: invalid UTF-8 or BOM)" : "")}");
            if (result.Failure is not null)
            {
                failed = true;
                Console.WriteLine(result.Failure);
            }
        }

        return failed ? 1 : 0;
    }

    /// <summary>Writes the body as &lt;out&gt;/seed&lt;S&gt;-case&lt;N&gt;.body and what happened next to it as .txt.</summary>
    private static string WriteFailure(Options options, int maxSize, HostileFailure failure, string label)
    {
        var stem = Path.Combine(options.Out!, $"seed{options.Seed}-case{failure.Index}");
        File.WriteAllBytes(stem + ".body", failure.Case.Utf8);
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"ChatRequest.Fuzz {label}")
            .AppendLine(CultureInfo.InvariantCulture, $"run seed {options.Seed}, case {failure.Index}, case seed 0x{failure.Case.Seed:X16}, max size {maxSize}")
            .AppendLine(CultureInfo.InvariantCulture, $"mutations: {failure.Case.Description}")
            .AppendLine(CultureInfo.InvariantCulture, $"body: {Path.GetFileName(stem)}.body ({failure.Case.Utf8.Length} bytes)")
            .AppendLine(CultureInfo.InvariantCulture, $"replay the body:  dotnet run -c Release --project tests/ChatRequest.Fuzz -- --replay {stem}.body")
            .AppendLine(CultureInfo.InvariantCulture, $"remake the case:  dotnet run -c Release --project tests/ChatRequest.Fuzz -- --seed {options.Seed} --first {failure.Index} --cases 1 --max-size {maxSize}")
            .AppendLine("what happened:")
            .AppendLine(failure.Failure);
        File.WriteAllText(stem + ".txt", text.ToString());
        return stem;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    /// <summary>The spec's validation-cases folder: --spec, CHATREQUEST_SPEC_DIR, or ../shared/openai-spec next to the checkout.</summary>
    private static string? FindValidationCases(string? spec)
    {
        var root = spec ?? Environment.GetEnvironmentVariable("CHATREQUEST_SPEC_DIR");
        if (string.IsNullOrEmpty(root))
        {
            root = Checkout() is { } checkout ? Path.Combine(checkout, "..", "shared", "openai-spec") : null;
        }

        var folder = root is null ? null : Path.GetFullPath(Path.Combine(root, "validation-cases"));
        return Directory.Exists(folder) ? folder : null;
    }

    /// <summary>The checkout (the folder with ChatRequest.slnx) above the current folder or the program.</summary>
    private static string? Checkout()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "ChatRequest.slnx")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    private sealed class Options
    {
        public long Cases { get; private set; } = 100_000;

        public ulong Seed { get; private set; } = 1;

        public long First { get; private set; }

        public int TimeoutMs { get; private set; } = 60_000;

        public int MaxSize { get; private set; } = 10 * 1024 * 1024;

        public string? Out { get; set; }

        public string? Spec { get; private set; }

        public string? Replay { get; private set; }

        public bool Help { get; private set; }

        public static Options Parse(string[] args)
        {
            var options = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                var name = args[i];
                if (name is "-h" or "--help")
                {
                    options.Help = true;
                    continue;
                }

                if (i + 1 >= args.Length)
                {
                    throw new FormatException($"{name} needs a value.");
                }

                var value = args[++i];
                switch (name)
                {
                    case "--cases":
                        options.Cases = Number(name, value, 1, long.MaxValue / 2);
                        break;
                    case "--seed":
                        options.Seed = ulong.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
                            ? seed
                            : throw new FormatException($"--seed must be a whole number from 0 to {ulong.MaxValue}, not '{value}'.");
                        break;
                    case "--first":
                        options.First = Number(name, value, 0, long.MaxValue / 2);
                        break;
                    case "--timeout-ms":
                        options.TimeoutMs = (int)Number(name, value, 1, int.MaxValue);
                        break;
                    case "--max-size":
                        options.MaxSize = (int)Number(name, value, 64, 1 << 30);
                        break;
                    case "--out":
                        options.Out = value;
                        break;
                    case "--spec":
                        options.Spec = value;
                        break;
                    case "--replay":
                        options.Replay = value;
                        break;
                    default:
                        throw new FormatException($"Unknown option '{name}'.");
                }
            }

            return options;
        }

        private static long Number(string name, string value, long min, long max) =>
            long.TryParse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max
                ? number
                : throw new FormatException($"{name} must be a whole number from {min} to {max}, not '{value}'.");
    }

    /// <summary>
    /// A small memory-mapped file holding the case in progress. A stack overflow ends the process with no chance to
    /// write anything, but the mapped page still reaches the file; the next run with the same seed and --out finds
    /// the marker still "running" and writes that case out as a crash.
    /// </summary>
    private sealed class CrashMarker : IDisposable
    {
        private const long Running = 0x474E494E4E5552; // "RUNNING"
        private const long Finished = 0;

        private readonly MemoryMappedFile _file;
        private readonly MemoryMappedViewAccessor _view;

        private CrashMarker(MemoryMappedFile file, MemoryMappedViewAccessor view)
        {
            _file = file;
            _view = view;
        }

        /// <summary>Opens the marker, locked so that a second run with the same seed and --out stops instead of mixing in.</summary>
        public static CrashMarker Open(string outDirectory, Options options, List<byte[]> seeds)
        {
            var path = Path.Combine(outDirectory, $"running-seed{options.Seed}.bin");
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException ex)
            {
                throw new InvalidOperationException($"Another run with seed {options.Seed} is using {outDirectory}: {ex.Message}", ex);
            }

            var previous = new byte[32];
            stream.ReadExactly(previous, 0, (int)Math.Min(stream.Length, previous.Length));
            ReportPreviousCrash(stream.Length >= previous.Length ? previous : null, options, seeds);
            stream.SetLength(previous.Length);
            var file = MemoryMappedFile.CreateFromFile(stream, null, previous.Length, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
            var view = file.CreateViewAccessor(0, previous.Length);
            view.Write(8, options.Seed);
            view.Write(16, -1L);
            view.Write(24, (long)options.MaxSize);
            view.Write(0, Running);
            view.Flush();
            return new CrashMarker(file, view);
        }

        public void Enter(long index) => _view.Write(16, index);

        public void Finish()
        {
            _view.Write(0, Finished);
            _view.Flush();
        }

        public void Dispose()
        {
            _view.Dispose();
            _file.Dispose();
        }

        private static void ReportPreviousCrash(byte[]? bytes, Options options, List<byte[]> seeds)
        {
            if (bytes is null)
            {
                return;
            }

            var state = BitConverter.ToInt64(bytes, 0);
            var seed = BitConverter.ToUInt64(bytes, 8);
            var index = BitConverter.ToInt64(bytes, 16);
            var maxSize = (int)BitConverter.ToInt64(bytes, 24);
            if (state != Running || index < 0 || seed != options.Seed)
            {
                return;
            }

            var hostile = new JsonMutator(seeds, maxSize).Create(JsonMutator.CaseSeed(seed, index));
            var crash = new HostileFailure(index, hostile, "The process died during this case (a stack overflow or another crash) in an earlier run.");
            var stem = WriteFailure(options, maxSize, crash, "crash");
            Console.WriteLine($"CRASH in an earlier run: the process died during case #{index} (max size {maxSize}); written to {stem}.body");
        }
    }
}
