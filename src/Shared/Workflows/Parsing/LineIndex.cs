using System.Text;
using Serverless.Workflows.Diagnostics;

namespace Serverless.Workflows.Parsing;

/// <summary>Turns UTF-8 byte offsets into one-based line and (character) column numbers.</summary>
internal sealed class LineIndex
{
    private readonly byte[] _bytes;
    private readonly List<int> _lineStarts = [0];

    public LineIndex(byte[] bytes)
    {
        _bytes = bytes;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
                _lineStarts.Add(i + 1);
        }
    }

    public SourcePosition Locate(int offset)
    {
        var line = _lineStarts.BinarySearch(offset);
        if (line < 0)
            line = ~line - 1;
        var start = _lineStarts[line];
        return new SourcePosition(line + 1, Encoding.UTF8.GetCharCount(_bytes, start, offset - start) + 1);
    }
}
