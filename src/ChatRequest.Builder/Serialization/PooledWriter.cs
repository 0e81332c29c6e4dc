using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;

namespace ChatRequest.Serialization;

/// <summary>
/// A per-thread <see cref="Utf8JsonWriter"/> with a pooled buffer, so that writing a request allocates nothing but
/// its result (a string or an array), or nothing at all when writing to the caller's buffer or stream.
/// </summary>
#pragma warning disable CA1001 // Lives for the thread; the Utf8JsonWriter holds no unmanaged resources.
internal sealed partial class PooledWriter : IBufferWriter<byte>
#pragma warning restore CA1001
{
    private const int LargestKeptBuffer = 1 << 20;

    [ThreadStatic]
    private static PooledWriter? t_current;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(2048);
    private int _written;
    private Utf8JsonWriter? _writer;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    /// <summary>Takes this thread's writer (or a new one while it is in use), reset to write into its own buffer.</summary>
    public static PooledWriter Rent()
    {
        var writer = t_current ?? new PooledWriter();
        t_current = null;
        writer._written = 0;
        return writer;
    }

    /// <summary>Gives the writer back for reuse on this thread (large buffers go back to the pool instead).</summary>
    public void Return()
    {
        if (_buffer.Length > LargestKeptBuffer)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(2048);
        }

        _writer?.Reset(this);
        _written = 0;
        t_current = this;
    }

    /// <summary>The JSON writer, aimed at this object's buffer.</summary>
    public Utf8JsonWriter Json()
    {
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(this, ChatJson.WriterOptions);
        }
        else
        {
            _writer.Reset(this);
        }

        return _writer;
    }

    /// <summary>The JSON writer, aimed at the caller's buffer; call <see cref="Return"/> after flushing.</summary>
    public Utf8JsonWriter Json(IBufferWriter<byte> destination)
    {
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(destination, ChatJson.WriterOptions);
        }
        else
        {
            _writer.Reset(destination);
        }

        return _writer;
    }

    /// <summary>The JSON writer, aimed at the caller's stream; call <see cref="Return"/> after flushing.</summary>
    public Utf8JsonWriter Json(Stream destination)
    {
        if (_writer is null)
        {
            _writer = new Utf8JsonWriter(destination, ChatJson.WriterOptions);
        }
        else
        {
            _writer.Reset(destination);
        }

        return _writer;
    }

    public string ToUtf16String() => Encoding.UTF8.GetString(_buffer, 0, _written);

    public byte[] ToArray() => WrittenSpan.ToArray();

    public void Advance(int count) => _written += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsMemory(_written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return _buffer.AsSpan(_written);
    }

    private void Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 1);
        if (needed <= _buffer.Length)
        {
            return;
        }

        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(0, _written).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
