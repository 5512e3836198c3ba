namespace Netpol.Manifests.Flows;

/// <summary>
/// Splits a stream into lines of UTF-8 bytes without decoding them, so that a log of millions of lines is read in
/// one buffer. A line handed out is valid until the next call. Strips a leading byte order mark and the
/// <c>\r</c> of <c>\r\n</c>.
/// </summary>
internal sealed class LineReader(Stream stream)
{
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _first = true;

    /// <summary>The 1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Reads the next line; false at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        while (true)
        {
            var newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = Take(newline, newline + 1);
                return true;
            }

            if (_eof)
            {
                if (_start < _end)
                {
                    line = Take(_end - _start, _end - _start);
                    return true;
                }

                line = default;
                return false;
            }

            Fill();
        }
    }

    private ReadOnlySpan<byte> Take(int length, int consumed)
    {
        var span = _buffer.AsSpan(_start, length);
        _start += consumed;
        LineNumber++;
        if (span.Length > 0 && span[^1] == (byte)'\r')
        {
            span = span[..^1];
        }

        if (_first)
        {
            _first = false;
            if (span.StartsWith("\uFEFF"u8))
            {
                span = span[3..];
            }
        }

        return span;
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            // A line longer than the buffer: grow it.
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var n = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (n == 0)
        {
            _eof = true;
        }

        _end += n;
    }
}
