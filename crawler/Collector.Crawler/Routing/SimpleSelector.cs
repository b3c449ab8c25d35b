namespace Collector.Crawler.Routing;

/// <summary>
/// The subset of CSS that follow selectors nearly always are: compound selectors without combinators
/// (<c>a.post-link</c>, <c>a[rel=next]</c>, <c>#more</c>, <c>a[data-x~="y"]</c>), comma-separated. Such a selector is
/// matched on start tags while scanning the HTML, without building a DOM; anything else returns null from
/// <see cref="TryParse"/> and is left to AngleSharp.
/// </summary>
public sealed class SimpleSelector
{
    private readonly IReadOnlyList<Compound> _alternatives;

    private SimpleSelector(IReadOnlyList<Compound> alternatives) => _alternatives = alternatives;

    public static SimpleSelector? TryParse(string selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        var alternatives = new List<Compound>();
        foreach (var part in selector.Split(','))
        {
            var compound = ParseCompound(part.Trim());
            if (compound is null)
            {
                return null;
            }

            alternatives.Add(compound);
        }

        return alternatives.Count == 0 ? null : new SimpleSelector(alternatives);
    }

    public bool Matches(string tag, IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        foreach (var compound in _alternatives)
        {
            if (compound.Matches(tag, attributes))
            {
                return true;
            }
        }

        return false;
    }

    private static Compound? ParseCompound(string s)
    {
        if (s.Length == 0)
        {
            return null;
        }

        var i = 0;
        string? tag = null;
        var tests = new List<AttributeTest>();
        if (IsNameChar(s[0]) || s[0] == '*')
        {
            var start = i;
            while (i < s.Length && (IsNameChar(s[i]) || s[i] == '*'))
            {
                i++;
            }

            tag = s[start..i] == "*" ? null : s[start..i].ToLowerInvariant();
        }

        while (i < s.Length)
        {
            var c = s[i];
            if (c is '.' or '#')
            {
                var start = ++i;
                while (i < s.Length && IsNameChar(s[i]))
                {
                    i++;
                }

                if (i == start)
                {
                    return null;
                }

                tests.Add(c == '.' ? new AttributeTest("class", s[start..i], '~') : new AttributeTest("id", s[start..i], '='));
            }
            else if (c == '[')
            {
                var close = s.IndexOf(']', i);
                if (close < 0)
                {
                    return null;
                }

                var test = ParseAttribute(s[(i + 1)..close].Trim());
                if (test is null)
                {
                    return null;
                }

                tests.Add(test);
                i = close + 1;
            }
            else
            {
                // a combinator, pseudo-class or anything else: not simple
                return null;
            }
        }

        return new Compound(tag, tests);
    }

    private static AttributeTest? ParseAttribute(string inner)
    {
        var eq = inner.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            return IsName(inner) ? new AttributeTest(inner.ToLowerInvariant(), null, '\0') : null;
        }

        var op = '=';
        var nameEnd = eq;
        if (eq > 0 && inner[eq - 1] is '~' or '^' or '$' or '*' or '|')
        {
            op = inner[eq - 1];
            nameEnd = eq - 1;
        }

        var name = inner[..nameEnd].Trim();
        var value = inner[(eq + 1)..].Trim();
        if (value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0])
        {
            value = value[1..^1];
        }
        else if (value.Contains(' ', StringComparison.Ordinal) || value.EndsWith(" i", StringComparison.Ordinal))
        {
            return null;
        }

        return IsName(name) ? new AttributeTest(name.ToLowerInvariant(), value, op) : null;
    }

    private static bool IsName(string s) => s.Length > 0 && s.All(IsNameChar);

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    private sealed record Compound(string? Tag, IReadOnlyList<AttributeTest> Tests)
    {
        public bool Matches(string tag, IReadOnlyList<KeyValuePair<string, string>> attributes)
        {
            if (Tag is not null && !Tag.Equals(tag, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            foreach (var test in Tests)
            {
                if (!test.Matches(attributes))
                {
                    return false;
                }
            }

            return true;
        }
    }

    private sealed record AttributeTest(string Name, string? Value, char Op)
    {
        public bool Matches(IReadOnlyList<KeyValuePair<string, string>> attributes)
        {
            foreach (var (name, actual) in attributes)
            {
                if (!name.Equals(Name, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                return Value is null || Op switch
                {
                    '=' => actual == Value,
                    '~' => actual.Split([' ', '\t', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries).Contains(Value),
                    '^' => Value.Length > 0 && actual.StartsWith(Value, StringComparison.Ordinal),
                    '$' => Value.Length > 0 && actual.EndsWith(Value, StringComparison.Ordinal),
                    '*' => Value.Length > 0 && actual.Contains(Value, StringComparison.Ordinal),
                    '|' => actual == Value || actual.StartsWith(Value + "-", StringComparison.Ordinal),
                    _ => false,
                };
            }

            return false;
        }
    }
}
