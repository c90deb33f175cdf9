namespace IsatapPlatform.Client;

/// <summary>Reads an NDJSON response body line by line over a <see cref="ResponseReadBuffer"/>.</summary>
internal sealed class NdjsonLineReader(Stream body, HttpResponseMessage response) : IDisposable
{
    private readonly ResponseReadBuffer _buffer = new(body, response);
    private ReadOnlyMemory<byte> _line;
    private bool _eof;

    /// <summary>The current line, without its newline; valid until the next <see cref="MoveNextAsync"/>.</summary>
    public ReadOnlySpan<byte> Current => _line.Span;

    /// <summary>Moves to the next line (the last one may lack its newline); false at the end of the body.</summary>
    public async ValueTask<bool> MoveNextAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            int newline = _buffer.Unread.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                _line = _buffer.Take(newline);
                _buffer.Consume(1);
                return true;
            }
            if (_eof)
            {
                int rest = _buffer.Unread.Length;
                if (rest == 0) return false;
                _line = _buffer.Take(rest);
                return true;
            }
            _eof = await _buffer.FillAsync(cancellationToken).ConfigureAwait(false) == 0;
        }
    }

    public void Dispose() => _buffer.Dispose();
}
