namespace Collector.Parsers.Common;

/// <summary>
/// For positions visited in increasing order, the last '&lt;' before each and the first '&gt;' from it, found in time
/// linear in the page overall: scanners that look back with <c>LastIndexOf('&lt;')</c> and forward with
/// <c>IndexOf('&gt;')</c> from every hit cost the square of the page on hostile markup (a megabyte of <c>rel=</c> or
/// <c>itemprop=</c> with no tags around them).
/// </summary>
internal sealed class TagBounds(string html)
{
    private static readonly System.Buffers.SearchValues<char> Brackets = System.Buffers.SearchValues.Create("<>");
    private int _scanned;
    private int _lastOpen = -1;
    private int _lastClose = -1;
    private int _nextClose = -1;
    private bool _noMoreClose;

    /// <summary>
    /// The '&lt;' of the tag that <paramref name="at"/> lies inside, or -1 when it lies in text (no '&lt;' before it, or a
    /// '&gt;' since the last one). Positions must not go backwards between calls.
    /// </summary>
    public int OpenBefore(int at)
    {
        if (at < _scanned)
        {
            throw new ArgumentOutOfRangeException(nameof(at), at, "positions must be visited in increasing order");
        }

        while (_scanned < at)
        {
            var k = html.AsSpan(_scanned, at - _scanned).IndexOfAny(Brackets);
            if (k < 0)
            {
                _scanned = at;
                break;
            }

            if (html[_scanned + k] == '<')
            {
                _lastOpen = _scanned + k;
            }
            else
            {
                _lastClose = _scanned + k;
            }

            _scanned += k + 1;
        }

        return _lastOpen >= 0 && _lastClose < _lastOpen ? _lastOpen : -1;
    }

    /// <summary>The first '&gt;' at or after <paramref name="at"/>, -1 when the page has none left.</summary>
    public int CloseFrom(int at)
    {
        if (_noMoreClose)
        {
            return -1;
        }

        if (_nextClose < at)
        {
            _nextClose = html.IndexOf('>', at);
            _noMoreClose = _nextClose < 0;
        }

        return _nextClose;
    }
}
