using System;
using System.Buffers;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace ChatRequest.Serialization;

/// <summary>
/// A request body as UTF-8 bytes in a pooled array, made from a string or read from a stream within
/// <see cref="ChatRequestReadOptions.MaxBytes"/>. Dispose it to clear the bytes and give the array back.
/// </summary>
internal struct BodyBuffer : IDisposable
{
    /// <summary>First read size when a stream's length is unknown; doubled as needed up to the limit.</summary>
    private const int FirstChunk = 16 * 1024;

    /// <summary>Strings shorter than this are encoded into a buffer of 3 bytes a char, with no count first.</summary>
    private const int EncodeWithoutCountBelow = 64 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private byte[]? _array;
    private int _start;
    private int _length;

    private BodyBuffer(byte[] array, int start, int length)
    {
        _array = array;
        _start = start;
        _length = length;
    }

    /// <summary>The body's bytes.</summary>
    public readonly ReadOnlySpan<byte> Span => _array is null ? default : new ReadOnlySpan<byte>(_array, _start, _length);

    /// <summary>Clears the bytes (a body may hold secrets) and returns the array to the pool.</summary>
    public void Dispose()
    {
        if (_array is { } array)
        {
            _array = null;
            Array.Clear(array, 0, _start + _length);
            ArrayPool<byte>.Shared.Return(array);
        }
    }

    /// <summary>Encodes <paramref name="json"/> as UTF-8, after checking its size against the limit.</summary>
    /// <exception cref="JsonException">The text is over the limit, or is not valid UTF-16 (a lone surrogate).</exception>
    public static BodyBuffer FromString(string json, ChatRequestReadOptions options)
    {
        // UTF-8 takes at least one byte and at most three per UTF-16 char: only a long text needs a count.
        long chars = json.Length;
        int size;
        if (chars * 3 <= options.MaxBytes && chars < EncodeWithoutCountBelow)
        {
            size = (int)(chars * 3);
        }
        else
        {
            if (chars > options.MaxBytes)
            {
                throw ReadLimits.TooLarge(options, "the body has at least " + ReadLimits.Bytes(chars));
            }

            long count;
            try
            {
                count = StrictUtf8.GetByteCount(json);
            }
            catch (ArgumentException ex)
            {
                throw InvalidUtf16(ex);
            }

            ReadLimits.CheckLength(count, options);
            size = (int)count;
        }

        var array = ArrayPool<byte>.Shared.Rent(Math.Max(size, 1));
        try
        {
            var length = StrictUtf8.GetBytes(json, 0, json.Length, array, 0);
            return new BodyBuffer(array, 0, length);
        }
        catch (ArgumentException ex)
        {
            ArrayPool<byte>.Shared.Return(array, clearArray: true);
            throw InvalidUtf16(ex);
        }
    }

    /// <summary>
    /// Reads <paramref name="stream"/> to its end, and stops with an error as soon as it has passed the limit (a
    /// seekable stream whose remaining length is over the limit is not read at all). A UTF-8 byte order mark is skipped.
    /// </summary>
    /// <exception cref="JsonException">The stream holds more than the limit.</exception>
    public static BodyBuffer FromStream(Stream stream, ChatRequestReadOptions options)
    {
        var state = Start(stream, options);
        try
        {
            while (true)
            {
                var room = state.Room();
                if (room == 0)
                {
                    var next = stream.ReadByte();
                    if (next < 0)
                    {
                        break;
                    }

                    state.Grow(options);
                    state.Array[state.Count++] = (byte)next;
                    state.CheckCount(options);
                    continue;
                }

                var read = stream.Read(state.Array, state.Count, room);
                if (read <= 0)
                {
                    break;
                }

                state.Count += read;
                state.CheckCount(options);
            }

            return state.Finish();
        }
        catch
        {
            state.Abandon();
            throw;
        }
    }

    /// <summary>The asynchronous form of <see cref="FromStream"/>.</summary>
    public static async Task<BodyBuffer> FromStreamAsync(Stream stream, ChatRequestReadOptions options, CancellationToken cancellationToken)
    {
        var state = Start(stream, options);
        byte[]? one = null;
        try
        {
            while (true)
            {
                var room = state.Room();
                if (room == 0)
                {
                    one ??= new byte[1];
                    var got = await ReadAsync(stream, one, 0, 1, cancellationToken).ConfigureAwait(false);
                    if (got <= 0)
                    {
                        break;
                    }

                    state.Grow(options);
                    state.Array[state.Count++] = one[0];
                    state.CheckCount(options);
                    continue;
                }

                var read = await ReadAsync(stream, state.Array, state.Count, room, cancellationToken).ConfigureAwait(false);
                if (read <= 0)
                {
                    break;
                }

                state.Count += read;
                state.CheckCount(options);
            }

            return state.Finish();
        }
        catch
        {
            state.Abandon();
            throw;
        }
    }

    private static Task<int> ReadAsync(Stream stream, byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
#if NET
        return stream.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
#else
        return stream.ReadAsync(buffer, offset, count, cancellationToken);
#endif
    }

    private static ReadState Start(Stream stream, ChatRequestReadOptions options)
    {
        // Never hold more than one byte past the limit: that byte is what proves the body too large.
        var cap = (int)Math.Min(options.MaxBytes + 1, ReadLimits.MaxArrayLength);
        var first = Math.Min(FirstChunk, cap);
        if (stream.CanSeek)
        {
            var remaining = Math.Max(0, stream.Length - stream.Position);
            ReadLimits.CheckLength(remaining, options);

            // The exact size: at its end, one more one-byte read confirms that the stream did not grow.
            first = (int)Math.Max(1, remaining);
        }

        return new ReadState(ArrayPool<byte>.Shared.Rent(first), first, cap);
    }

    private static JsonException InvalidUtf16(Exception inner) =>
        new("The JSON text is not valid UTF-16 (it holds a lone surrogate char), so it cannot be read as UTF-8: " + inner.Message, null, null, null, inner);

    /// <summary>The array being filled from a stream.</summary>
    private sealed class ReadState
    {
        private readonly int _cap;
        private int _size;

        public ReadState(byte[] array, int size, int cap)
        {
            Array = array;
            _size = size;
            _cap = cap;
        }

        public byte[] Array { get; private set; }

        public int Count { get; set; }

        /// <summary>Bytes that may still be read into the array without growing it.</summary>
        public int Room() => _size - Count;

        public void Grow(ChatRequestReadOptions options)
        {
            if (_size >= _cap)
            {
                // Only reached when the limit is beyond what one array holds.
                throw ReadLimits.TooLargeForArray();
            }

            var size = (int)Math.Min(Math.Max(_size * 2L, FirstChunk), _cap);
            var bigger = ArrayPool<byte>.Shared.Rent(size);
            Buffer.BlockCopy(Array, 0, bigger, 0, Count);
            Abandon();
            Array = bigger;
            _size = size;
        }

        public void CheckCount(ChatRequestReadOptions options)
        {
            if (Count > options.MaxBytes)
            {
                throw ReadLimits.TooLarge(options, "the stream held more than that (reading stopped after " + ReadLimits.Bytes(Count) + ")");
            }
        }

        public BodyBuffer Finish()
        {
            var bom = Count >= 3 && Array[0] == 0xEF && Array[1] == 0xBB && Array[2] == 0xBF ? 3 : 0;
            return new BodyBuffer(Array, bom, Count - bom);
        }

        public void Abandon()
        {
            System.Array.Clear(Array, 0, Count);
            ArrayPool<byte>.Shared.Return(Array);
        }
    }
}
