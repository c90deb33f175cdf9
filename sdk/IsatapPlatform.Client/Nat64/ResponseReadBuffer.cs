using System.Buffers;

namespace IsatapPlatform.Client;

/// <summary>A response body read piece by piece through one pooled buffer, grown only when a single result does not
/// fit and never past a bound, so that an answer of any length is never held whole. Shared by the batch reader (JSON
/// resumed over what has arrived) and the NDJSON line reader (streams and segments).</summary>
internal sealed class ResponseReadBuffer : IDisposable
{
    /// <summary>The buffer's starting size.</summary>
    public const int InitialBytes = 64 * 1024;

    /// <summary>The longest single result accepted; a longer one is an unexpected response, not unbounded memory.</summary>
    public const int MaxResultBytes = 1024 * 1024;

    private readonly Stream _body;
    private readonly HttpResponseMessage _response;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBytes);
    private int _start, _end;

    public ResponseReadBuffer(Stream body, HttpResponseMessage response)
    {
        _body = body;
        _response = response;
    }

    /// <summary>The bytes received and not yet consumed.</summary>
    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(_start, _end - _start);

    /// <summary>Marks the first <paramref name="count"/> unread bytes as consumed.</summary>
    public void Consume(int count) => _start += count;

    /// <summary>Consumes the first <paramref name="count"/> unread bytes and returns them; valid until the next <see cref="FillAsync"/>.</summary>
    public ReadOnlyMemory<byte> Take(int count)
    {
        var taken = _buffer.AsMemory(_start, count);
        _start += count;
        return taken;
    }

    /// <summary>Moves the unread bytes to the front, grows the buffer if they fill it, and reads more.</summary>
    /// <returns>The bytes read; 0 at the end of the body.</returns>
    public async ValueTask<int> FillAsync(CancellationToken cancellationToken)
    {
        int unread = _end - _start;
        _buffer.AsSpan(_start, unread).CopyTo(_buffer);
        _start = 0;
        _end = unread;
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxResultBytes)
                throw IsatapPlatformClient.UnexpectedResponse(_response, $"a result is longer than {MaxResultBytes} bytes", null);
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            _buffer.AsSpan(0, _end).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }
        int read = await _body.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        return read;
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }
}
