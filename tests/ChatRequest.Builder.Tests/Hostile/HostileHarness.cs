using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace ChatRequest.Tests.Hostile;

/// <summary>How one hostile body went.</summary>
internal enum ProbeOutcome
{
    /// <summary>FromJson returned a request, and the request passed every check.</summary>
    Accepted,

    /// <summary>FromJson threw a JsonException.</summary>
    Rejected,

    /// <summary>Something broke a promise: another exception type, paths disagreeing, a round trip changing bytes.</summary>
    Failed,
}

/// <summary>The result of <see cref="HostileProbe.Check"/>.</summary>
/// <param name="Outcome">What the UTF-8 span overload did (or Failed).</param>
/// <param name="Failure">What broke, with stack traces; null unless <see cref="ProbeOutcome.Failed"/>.</param>
/// <param name="OverloadsDiffer">
/// The overloads decided differently, which is allowed only when the bytes are not valid UTF-8 (the string overload
/// gets them decoded with replacement characters, so another input) or start with a UTF-8 BOM (the stream overloads
/// skip it, the span and string overloads do not).
/// </param>
internal sealed record ProbeResult(ProbeOutcome Outcome, string? Failure, bool OverloadsDiffer);

/// <summary>
/// Feeds one body to every public FromJson overload and checks the promises: a request or a JsonException, the
/// overloads agree, and a parsed request writes, validates, and round-trips to the same bytes.
/// </summary>
internal static class HostileProbe
{
    private static readonly int[] ChunkLimits = [1, 2, 3, 7, 64, 4096, 65536];

    /// <summary>Runs <paramref name="body"/> through string, span, stream and async stream parsing.</summary>
    /// <param name="body">The body.</param>
    /// <param name="streamSeed">Chooses how the streams hand out their bytes (seekable or not, chunk sizes).</param>
    /// <returns>The outcome.</returns>
    public static ProbeResult Check(byte[] body, ulong streamSeed)
    {
        var failures = new StringBuilder();
        var text = Text(body);
        var chunkLimit = ChunkLimits[(int)(streamSeed % (ulong)ChunkLimits.Length)];
        if (body.Length > 262144)
        {
            chunkLimit = Math.Max(chunkLimit, 4096);
        }

        var seekable = (streamSeed >> 8) % 2 == 0;
        var parses = new (string Name, Func<CreateChatCompletionRequest> Parse)[]
        {
            ("FromJson(ReadOnlySpan<byte>)", () => CreateChatCompletionRequest.FromJson(body.AsSpan())),
            ("FromJson(string)", () => CreateChatCompletionRequest.FromJson(text)),
            (
                seekable ? "FromJson(MemoryStream)" : $"FromJson(Stream of chunks up to {chunkLimit})",
                () => CreateChatCompletionRequest.FromJson(seekable ? new MemoryStream(body, writable: false) : new TrickleStream(body, streamSeed, chunkLimit))
            ),
            (
                $"FromJsonAsync(Stream of chunks up to {chunkLimit})",
                () => CreateChatCompletionRequest.FromJsonAsync(new TrickleStream(body, ~streamSeed, chunkLimit)).GetAwaiter().GetResult()
            ),
        };

        var requests = new CreateChatCompletionRequest?[parses.Length];
        var errors = new Exception?[parses.Length];
        var outputs = new byte[]?[parses.Length];
        for (var i = 0; i < parses.Length; i++)
        {
            try
            {
                requests[i] = parses[i].Parse();
                if (requests[i] is null)
                {
                    failures.Append(parses[i].Name).AppendLine(" returned null.");
                }
            }
#pragma warning disable CA1031 // Any exception is the finding here.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                errors[i] = ex;
                if (ex is not JsonException)
                {
                    failures.Append(parses[i].Name).Append(" threw ").AppendLine(ex.ToString());
                }
                else if (string.IsNullOrWhiteSpace(ex.Message))
                {
                    failures.Append(parses[i].Name).AppendLine(" threw a JsonException without a message.");
                }
            }

            if (requests[i] is { } request)
            {
                // The full checks once per distinct body; the overloads usually agree.
                outputs[i] = SameAsEarlier(request, outputs, i, out var bytes) ? bytes : CheckParsed(parses[i].Name, request, failures);
            }
        }

        var comparable = Utf8.IsValid(body) && !body.AsSpan().StartsWith("\uFEFF"u8);
        var differ = false;
        for (var i = 1; i < parses.Length; i++)
        {
            var agree = (requests[i] is null) == (requests[0] is null)
                && (outputs[i] is null || outputs[0] is null || outputs[i].AsSpan().SequenceEqual(outputs[0]));
            if (agree)
            {
                continue;
            }

            if (!comparable)
            {
                differ = true;
                continue;
            }

            failures.Append(parses[i].Name).Append(" and ").Append(parses[0].Name).Append(" disagree: ")
                .Append(Describe(requests[i], errors[i], outputs[i])).Append(" versus ").AppendLine(Describe(requests[0], errors[0], outputs[0]));
        }

        var outcome = failures.Length > 0 ? ProbeOutcome.Failed : requests[0] is not null ? ProbeOutcome.Accepted : ProbeOutcome.Rejected;
        return new ProbeResult(outcome, failures.Length > 0 ? failures.ToString() : null, differ);
    }

    /// <summary>
    /// The text the string overload gets for <paramref name="body"/>: UTF-8 decoded with replacement characters,
    /// except that a surrogate written as three bytes (ED A0..BF xx, as WTF-8 does) becomes that lone surrogate, so a
    /// body can carry an unpaired surrogate into the string overload.
    /// </summary>
    /// <param name="body">The bytes.</param>
    /// <returns>The text.</returns>
    public static string Text(byte[] body)
    {
        var next = body.AsSpan().IndexOf((byte)0xED);
        if (next < 0)
        {
            return Encoding.UTF8.GetString(body);
        }

        var text = new StringBuilder(body.Length);
        var start = 0;
        while (next >= 0)
        {
            var at = start + next;
            if (at + 2 < body.Length && body[at + 1] is >= 0xA0 and <= 0xBF && (body[at + 2] & 0xC0) == 0x80)
            {
                text.Append(Encoding.UTF8.GetString(body, start, at - start));
                text.Append((char)(0xD000 | ((body[at + 1] & 0x3F) << 6) | (body[at + 2] & 0x3F)));
                start = at + 3;
                next = body.AsSpan(start).IndexOf((byte)0xED);
            }
            else
            {
                var after = body.AsSpan(at + 1).IndexOf((byte)0xED);
                next = after < 0 ? -1 : at + 1 + after - start;
            }
        }

        text.Append(Encoding.UTF8.GetString(body, start, body.Length - start));
        return text.ToString();
    }

    /// <summary>True when the request writes the same bytes as an earlier overload's request.</summary>
    private static bool SameAsEarlier(CreateChatCompletionRequest request, byte[]?[] outputs, int count, out byte[]? bytes)
    {
        bytes = null;
        if (Array.FindIndex(outputs, 0, count, o => o is not null) < 0)
        {
            return false;
        }

        try
        {
            bytes = request.ToUtf8Bytes();
        }
#pragma warning disable CA1031 // CheckParsed reports it.
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (outputs[i] is { } earlier && earlier.AsSpan().SequenceEqual(bytes))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Writes, validates and re-reads a parsed request; returns its bytes (null when writing threw).</summary>
    private static byte[]? CheckParsed(string path, CreateChatCompletionRequest request, StringBuilder failures)
    {
        byte[] bytes;
        string json;
        IReadOnlyList<ValidationProblem> problems;
        try
        {
            bytes = request.ToUtf8Bytes();
            json = request.ToJson();
            problems = request.Validate();
        }
#pragma warning disable CA1031 // Any exception is the finding here.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failures.Append("After ").Append(path).Append(", writing or validating threw ").AppendLine(ex.ToString());
            return null;
        }

        if (!Encoding.UTF8.GetBytes(json).AsSpan().SequenceEqual(bytes))
        {
            failures.Append("After ").Append(path).AppendLine(", ToJson() and ToUtf8Bytes() give different bodies.");
        }

        try
        {
            var again = CreateChatCompletionRequest.FromJson(json);
            var againBytes = again.ToUtf8Bytes();
            if (!againBytes.AsSpan().SequenceEqual(bytes))
            {
                var at = bytes.AsSpan().CommonPrefixLength(againBytes);
                failures.Append("After ").Append(path).Append(", FromJson(ToJson()) writes other bytes, from byte ").Append(at)
                    .Append(": ").Append(Excerpt(bytes, at)).Append(" became ").AppendLine(Excerpt(againBytes, at));
            }

            var againProblems = again.Validate();
            if (!againProblems.SequenceEqual(problems))
            {
                failures.Append("After ").Append(path).Append(", Validate() differs after the round trip: [")
                    .AppendJoin("; ", problems).Append("] became [").AppendJoin("; ", againProblems).AppendLine("]");
            }
        }
#pragma warning disable CA1031 // Any exception is the finding here.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failures.Append("After ").Append(path).Append(", FromJson(ToJson()) or its checks threw ").AppendLine(ex.ToString());
        }

        return bytes;
    }

    private static string Describe(CreateChatCompletionRequest? request, Exception? error, byte[]? output) =>
        request is not null
            ? "a request" + (output is null ? "" : " of " + output.Length.ToString(CultureInfo.InvariantCulture) + " bytes")
            : error is null ? "nothing" : error.GetType().Name + " (" + error.Message + ")";

    private static string Excerpt(byte[] bytes, int at)
    {
        var start = Math.Max(0, at - 20);
        return "\"" + Encoding.UTF8.GetString(bytes, start, Math.Min(60, bytes.Length - start)) + "\"";
    }

    /// <summary>A read-only, unseekable stream that hands out its bytes in chunks of seeded, varying size.</summary>
    private sealed class TrickleStream(byte[] data, ulong seed, int maxChunk) : Stream
    {
        private ulong _state = seed;
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            _state = (_state * 6364136223846793005UL) + 1442695040888963407UL;
            var chunk = 1 + (int)((_state >> 33) % (ulong)maxChunk);
            var count = Math.Min(Math.Min(chunk, buffer.Length), data.Length - _position);
            data.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer.AsSpan(offset, count)));

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(Read(buffer.Span));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>A case that broke a promise.</summary>
/// <param name="Index">The case number in its run.</param>
/// <param name="Case">The case (its seed and body).</param>
/// <param name="Failure">What broke.</param>
internal sealed record HostileFailure(long Index, HostileCase Case, string Failure);

/// <summary>The figures of a run.</summary>
internal sealed class HostileRunReport
{
    public long Cases { get; set; }

    public long Accepted { get; set; }

    public long Rejected { get; set; }

    public long Failed { get; set; }

    /// <summary>Cases where the overloads decided differently (allowed for invalid UTF-8 or a leading BOM).</summary>
    public long OverloadsDiffer { get; set; }

    public long Bytes { get; set; }

    public TimeSpan Elapsed { get; set; }

    public TimeSpan Slowest { get; set; }

    public long SlowestIndex { get; set; } = -1;

    public string SlowestDescription { get; set; } = "";

    public int SlowestSize { get; set; }

    public Dictionary<Mutation, (long Accepted, long Rejected)> ByKind { get; } = [];

    public List<HostileFailure> Failures { get; } = [];

    /// <summary>The case still running when the per-case limit passed; the run stopped there.</summary>
    public HostileFailure? Hang { get; set; }

    public double CasesPerSecond => Elapsed > TimeSpan.Zero ? Cases / Elapsed.TotalSeconds : 0;

    public string Summary()
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"{Cases:N0} cases ({Bytes / 1048576.0:N0} MiB) in {Elapsed.TotalSeconds:N1} s, {CasesPerSecond:N0} cases/s");
        text.AppendLine(inv, $"accepted {Accepted:N0} ({Percent(Accepted)}), JsonException {Rejected:N0} ({Percent(Rejected)}), failed {Failed:N0}{(Hang is null ? "" : ", HUNG")}");
        text.AppendLine(inv, $"overloads decided differently (allowed: invalid UTF-8 or a leading BOM): {OverloadsDiffer:N0}");
        text.AppendLine(inv, $"slowest case: #{SlowestIndex} ({SlowestSize:N0} bytes) {Slowest.TotalMilliseconds:N1} ms: {SlowestDescription}");
        text.Append("by first mutation (accepted/JsonException):");
        foreach (var (kind, counts) in ByKind.OrderBy(k => k.Key))
        {
            text.Append(inv, $" {kind} {counts.Accepted}/{counts.Rejected};");
        }

        return text.AppendLine().ToString();
    }

    private string Percent(long part) => Cases == 0 ? "-" : (100.0 * part / Cases).ToString("N1", CultureInfo.InvariantCulture) + " %";
}

/// <summary>Runs seeded cases on a worker thread while the calling thread watches for a case that does not finish.</summary>
internal static class HostileRunner
{
    /// <summary>Runs cases <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1.</summary>
    /// <param name="mutator">Makes the cases.</param>
    /// <param name="runSeed">The run's seed.</param>
    /// <param name="first">The first case number.</param>
    /// <param name="count">How many cases.</param>
    /// <param name="perCaseLimit">A case running longer counts as a hang and stops the run.</param>
    /// <param name="beforeCase">Called on the worker thread with each case number before its body is parsed.</param>
    /// <param name="onFailure">Called on the worker thread for each failing case.</param>
    /// <param name="onProgress">Called on the calling thread about every <paramref name="progressInterval"/>.</param>
    /// <param name="progressInterval">How often to call <paramref name="onProgress"/>.</param>
    /// <returns>The figures.</returns>
    public static HostileRunReport Run(
        JsonMutator mutator,
        ulong runSeed,
        long first,
        long count,
        TimeSpan perCaseLimit,
        Action<long>? beforeCase = null,
        Action<HostileFailure>? onFailure = null,
        Action<HostileRunReport>? onProgress = null,
        TimeSpan? progressInterval = null)
    {
        var report = new HostileRunReport();
        long current = -1;
        long startedAt = 0;
        var started = Stopwatch.GetTimestamp();
        Exception? harnessError = null;

        var worker = new Thread(() =>
        {
            try
            {
                for (var index = first; index < first + count; index++)
                {
                    Volatile.Write(ref current, index);
                    Volatile.Write(ref startedAt, Stopwatch.GetTimestamp());
                    var hostile = mutator.Create(JsonMutator.CaseSeed(runSeed, index));
                    beforeCase?.Invoke(index);
                    var caseStarted = Stopwatch.GetTimestamp();
                    var result = HostileProbe.Check(hostile.Utf8, hostile.Seed);
                    var took = Stopwatch.GetElapsedTime(caseStarted);
                    Volatile.Write(ref startedAt, 0);
                    HostileFailure? failure = null;
                    lock (report)
                    {
                        report.Cases++;
                        report.Bytes += hostile.Utf8.Length;
                        report.ByKind.TryGetValue(hostile.Kind, out var byKind);
                        switch (result.Outcome)
                        {
                            case ProbeOutcome.Accepted:
                                report.Accepted++;
                                byKind.Accepted++;
                                break;
                            case ProbeOutcome.Rejected:
                                report.Rejected++;
                                byKind.Rejected++;
                                break;
                            default:
                                report.Failed++;
                                failure = new HostileFailure(index, hostile, result.Failure ?? "");
                                if (report.Failures.Count < 100)
                                {
                                    report.Failures.Add(failure);
                                }

                                break;
                        }

                        report.ByKind[hostile.Kind] = byKind;
                        report.OverloadsDiffer += result.OverloadsDiffer ? 1 : 0;
                        if (took > report.Slowest)
                        {
                            report.Slowest = took;
                            report.SlowestIndex = index;
                            report.SlowestDescription = hostile.Description;
                            report.SlowestSize = hostile.Utf8.Length;
                        }
                    }

                    if (failure is not null)
                    {
                        onFailure?.Invoke(failure);
                    }
                }
            }
#pragma warning disable CA1031 // A harness error is reported, not swallowed: the run ends with it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                harnessError = ex;
            }
        })
        {
            IsBackground = true,
            Name = "hostile bodies",
        };

        worker.Start();
        var interval = progressInterval ?? TimeSpan.FromSeconds(10);
        var nextProgress = Stopwatch.GetTimestamp();
        while (!worker.Join(50))
        {
            var caseStart = Volatile.Read(ref startedAt);
            if (caseStart != 0 && Stopwatch.GetElapsedTime(caseStart) > perCaseLimit)
            {
                var index = Volatile.Read(ref current);
                var hostile = mutator.Create(JsonMutator.CaseSeed(runSeed, index));
                lock (report)
                {
                    report.Hang = new HostileFailure(index, hostile, $"still running after {perCaseLimit.TotalMilliseconds:N0} ms");
                    report.Elapsed = Stopwatch.GetElapsedTime(started);
                }

                // The worker is a background thread; it is left behind and dies with the process.
                return report;
            }

            if (onProgress is not null && Stopwatch.GetElapsedTime(nextProgress) > interval)
            {
                nextProgress = Stopwatch.GetTimestamp();
                lock (report)
                {
                    report.Elapsed = Stopwatch.GetElapsedTime(started);
                    onProgress(report);
                }
            }
        }

        report.Elapsed = Stopwatch.GetElapsedTime(started);
        if (harnessError is not null)
        {
            throw new InvalidOperationException("The hostile-body harness itself failed at case " + Volatile.Read(ref current).ToString(CultureInfo.InvariantCulture) + ".", harnessError);
        }

        return report;
    }
}

/// <summary>The valid bodies the cases start from.</summary>
internal static class HostileSeeds
{
    /// <summary>Every *.json in <paramref name="validationCases"/> (when given) plus the builder's rich and typical requests.</summary>
    /// <param name="validationCases">The spec's validation-cases folder, or null.</param>
    /// <returns>Name and bytes of each seed body, in a fixed order.</returns>
    public static List<(string Name, byte[] Body)> Load(string? validationCases)
    {
        var seeds = new List<(string Name, byte[] Body)>();
        if (validationCases is not null && Directory.Exists(validationCases))
        {
            foreach (var file in Directory.GetFiles(validationCases, "*.json").Order(StringComparer.Ordinal))
            {
                seeds.Add((Path.GetFileName(file), File.ReadAllBytes(file)));
            }
        }

        seeds.Add(("builder: every field", RichRequests.EveryField().Build().ToUtf8Bytes()));
        seeds.Add(("builder: typical", RichRequests.Typical().Build().ToUtf8Bytes()));
        return seeds;
    }
}
