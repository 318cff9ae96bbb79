using System.Buffers;
using System.Threading.Channels;

namespace UMeetingReports.Core.Export;

/// <summary>
/// A write-only stream that hands what is written to it, in chunks, to a task of its own which writes them to
/// <c>target</c>: a large sheet's XML is serialised on the caller's thread while its zip entry compresses the
/// previous chunks on another core. At most <see cref="ChunksInFlight"/> chunks wait (about a megabyte); a writer
/// that gets ahead blocks. <see cref="Complete"/> writes the rest and waits for the target to have it all, rethrowing
/// the target's failure; disposing without completing abandons what was not written yet.
/// </summary>
internal sealed class HandOffStream : Stream
{
    private const int ChunkSize = 1 << 17;
    private const int ChunksInFlight = 8;

    private readonly Channel<Chunk> _chunks = Channel.CreateBounded<Chunk>(new BoundedChannelOptions(ChunksInFlight)
    {
        SingleReader = true,
        SingleWriter = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Task _consumer;
    private byte[] _current = ArrayPool<byte>.Shared.Rent(ChunkSize);
    private int _filled;
    private volatile bool _abandoned;
    private bool _completed;

    public HandOffStream(Stream target)
    {
        ArgumentNullException.ThrowIfNull(target);
        _consumer = Task.Run(() => ConsumeAsync(target));
    }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => !_completed;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        while (!buffer.IsEmpty)
        {
            var taken = Math.Min(buffer.Length, _current.Length - _filled);
            buffer[..taken].CopyTo(_current.AsSpan(_filled));
            _filled += taken;
            buffer = buffer[taken..];
            if (_filled == _current.Length)
            {
                HandOff();
            }
        }
    }

    public override void WriteByte(byte value) => Write([value]);

    /// <summary>Nothing to do: the chunks go when they are full, and the rest on <see cref="Complete"/>.</summary>
    public override void Flush()
    {
    }

    /// <summary>Hands over the last chunk and waits until the target has written everything; rethrows its failure.</summary>
    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_completed, this);
        if (_filled > 0)
        {
            HandOff();
        }

        _completed = true;
        _chunks.Writer.TryComplete();
        _consumer.GetAwaiter().GetResult();
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!_completed)
            {
                // Abandoned (the writer failed or was cancelled): the task drops what is left and ends; its own failure,
                // if any, is not the one to report.
                _completed = true;
                _abandoned = true;
                _chunks.Writer.TryComplete();
                try
                {
                    _consumer.GetAwaiter().GetResult();
                }
                catch (Exception exception) when (exception is not OutOfMemoryException)
                {
                    // The writer's own exception is already on its way.
                }
            }

            ArrayPool<byte>.Shared.Return(_current);
            _current = [];
        }

        base.Dispose(disposing);
    }

    private void HandOff()
    {
        var chunk = new Chunk(_current, _filled);
        _current = ArrayPool<byte>.Shared.Rent(ChunkSize);
        _filled = 0;
        if (_chunks.Writer.TryWrite(chunk))
        {
            return;
        }

        try
        {
            // Full: wait for the target to catch up. A failed target closes the channel, and its failure is the one thrown.
            _chunks.Writer.WriteAsync(chunk).AsTask().GetAwaiter().GetResult();
        }
        catch (ChannelClosedException)
        {
            ArrayPool<byte>.Shared.Return(chunk.Buffer);
            _completed = true;
            _consumer.GetAwaiter().GetResult();
            throw;
        }
    }

    private async Task ConsumeAsync(Stream target)
    {
        try
        {
            await foreach (var chunk in _chunks.Reader.ReadAllAsync().ConfigureAwait(false))
            {
                try
                {
                    if (!_abandoned)
                    {
                        target.Write(chunk.Buffer, 0, chunk.Count);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(chunk.Buffer);
                }
            }
        }
        catch (Exception exception)
        {
            _chunks.Writer.TryComplete(exception);

            // Return whatever still waits, then fail the task with the target's exception.
            while (_chunks.Reader.TryRead(out var chunk))
            {
                ArrayPool<byte>.Shared.Return(chunk.Buffer);
            }

            throw;
        }
    }

    private readonly record struct Chunk(byte[] Buffer, int Count);
}
