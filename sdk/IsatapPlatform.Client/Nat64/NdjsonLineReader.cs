using System.Buffers;

namespace IsatapPlatform.Client;

/// <summary>Reads a response body line by line through one pooled buffer (grown only for a line longer than it,
/// up to a limit), so that an NDJSON answer of any length is never held whole.</summary>
internal sealed class NdjsonLineReader : IDisposable
{
    private readonly Stream _body;
    private readonly HttpResponseMessage _response;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start, _end, _lineStart, _lineLength;
    private bool _eof;

    public NdjsonLineReader(Stream body, HttpResponseMessage response, int bufferBytes, int maxLineBytes)
    {
        _body = body;
        _response = response;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(bufferBytes);
    }

    /// <summary>The current line, without its newline; valid until the next <see cref="MoveNextAsync"/>.</summary>
    public ReadOnlySpan<byte> Current => _buffer.AsSpan(_lineStart, _lineLength);

    /// <summary>Moves to the next line (the last one may lack its newline); false at the end of the body.</summary>
    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _lineStart = _start;
                _lineLength = newline;
                _start += newline + 1;
                return true;
            }
            if (_eof)
            {
                if (_start == _end) return false;
                _lineStart = _start;
                _lineLength = _end - _start;
                _start = _end;
                return true;
            }
            // No complete line left: keep the partial one at the front and read more.
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= _maxLineBytes)
                    throw IsatapPlatformClient.UnexpectedResponse(_response, $"a result line is longer than {_maxLineBytes} bytes", null);
                var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                _buffer.AsSpan(0, _end).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }
            int read = await _body.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0) _eof = true;
            _end += read;
        }
    }

    public void Dispose()
    {
        var buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
    }
}
