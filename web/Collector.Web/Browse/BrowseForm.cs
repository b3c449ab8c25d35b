using System.Globalization;
using Collector.Storage;
using Microsoft.AspNetCore.Http;

namespace Collector.Web.Browse;

/// <summary>The search form's fields as the address carries them, read into a <see cref="BrowseQuery"/> (bad values are reported, not guessed).</summary>
public sealed record BrowseForm
{
    public string? Q { get; init; }
    public string? Platform { get; init; }
    public string? Community { get; init; }
    public string? Author { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? Versions { get; init; }
    public string? Deleted { get; init; }
    public bool Flagged { get; init; }
    public string Sort { get; init; } = "seen-desc";
    public string? After { get; init; }

    public static readonly IReadOnlyDictionary<string, (BrowseSort Sort, string Label)> Sorts = new Dictionary<string, (BrowseSort, string)>(StringComparer.Ordinal)
    {
        ["seen-desc"] = (BrowseSort.FirstSeenDesc, "newest first seen"),
        ["seen-asc"] = (BrowseSort.FirstSeenAsc, "oldest first seen"),
        ["published-desc"] = (BrowseSort.PublishedDesc, "newest published"),
        ["published-asc"] = (BrowseSort.PublishedAsc, "oldest published"),
        ["versions-desc"] = (BrowseSort.VersionsDesc, "most versions"),
    };

    public static BrowseForm Read(IQueryCollection q)
    {
        string? S(string name) => q.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString()) ? v.ToString().Trim() : null;
        return new BrowseForm
        {
            Q = S("q"), Platform = S("platform"), Community = S("community"), Author = S("author"), From = S("from"), To = S("to"),
            Versions = S("versions"), Deleted = S("deleted"), Flagged = S("flagged") == "1", Sort = S("sort") ?? "seen-desc", After = S("after"),
        };
    }

    /// <summary>The query, or the problems with the form (each named by its field).</summary>
    public (BrowseQuery? Query, IReadOnlyList<string> Errors) ToQuery(IReadOnlyCollection<Collector.Model.PostKey>? flagged, int limit)
    {
        var errors = new List<string>();
        DateTimeOffset? Date(string? text, string field)
        {
            if (text is null)
            {
                return null;
            }

            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
            {
                return t;
            }

            errors.Add($"{field}: '{text}' is not a date (use e.g. 2026-03-01 or 2026-03-01T12:00Z)");
            return null;
        }

        bool? YesNo(string? text, string field) => text switch
        {
            null or "any" => null,
            "yes" => true,
            "no" => false,
            _ => Fail(field, text),
        };

        bool? Fail(string field, string text)
        {
            errors.Add($"{field}: '{text}' is not yes, no or any");
            return null;
        }

        if (!Sorts.TryGetValue(Sort, out var sort))
        {
            errors.Add($"sort: '{Sort}' is not one of {string.Join(", ", Sorts.Keys)}");
        }

        if (Flagged && flagged is null)
        {
            errors.Add("flagged: no detection output is loaded (start serve with --detect-dir)");
        }

        var query = new BrowseQuery
        {
            Text = Q,
            Platforms = Platform is null ? [] : [Platform.ToLowerInvariant()],
            Community = Community,
            Author = Author?.TrimStart('@'),
            From = Date(From, "from"),
            To = Date(To, "to"),
            HasVersions = YesNo(Versions, "versions"),
            Deleted = YesNo(Deleted, "deleted"),
            Only = Flagged ? flagged : null,
            Sort = sort.Sort,
            After = After,
            Limit = limit,
        };
        return errors.Count > 0 ? (null, errors) : (query, errors);
    }

    /// <summary>This form's address with another cursor (null: the first page).</summary>
    public string Href(string? after)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("q", Q); Add("platform", Platform); Add("community", Community); Add("author", Author); Add("from", From); Add("to", To);
        Add("versions", Versions); Add("deleted", Deleted); Add("flagged", Flagged ? "1" : null); Add("sort", Sort); Add("after", after);
        return "/?" + string.Join('&', parts);
    }
}
