using System.Globalization;
using System.Text;
using Collector.Detection;
using Collector.Storage;
using Collector.Web.Detection;
using Microsoft.AspNetCore.Builder;

namespace Collector.Web.Pages;

/// <summary>
/// `/account/{platform}/{handle}`: the account's posts in the archive drawn as a posting week (UTC hour of week) and its
/// languages month by month, with the detection's flags and evidence when it was flagged.
/// </summary>
public static class AccountPage
{
    /// <summary>Posts read per account page (newest published first).</summary>
    public const int MaxPosts = 5000;

    public static void Map(WebApplication app) =>
        app.MapGet("/account/{platform}/{handle}", async (string platform, string handle, IPostBrowser browser, DetectionFolder folder, CancellationToken ct) =>
        {
            platform = platform.ToLowerInvariant();
            var posts = new List<ArchivedPost>();
            string? after = null;
            do
            {
                var page = await browser.BrowseAsync(new BrowseQuery { Platforms = [platform], Author = handle, Sort = BrowseSort.PublishedDesc, After = after, Limit = 500 }, ct);
                posts.AddRange(page.Posts);
                after = page.Next;
            }
            while (after is not null && posts.Count < MaxPosts);

            var finding = folder.Current()?.Accounts.FirstOrDefault(a => a.Platform == platform && string.Equals(a.Handle, handle, StringComparison.Ordinal));
            if (posts.Count == 0 && finding is null)
            {
                return Layout.NotFound($"no posts by {platform}:{handle} in this archive");
            }

            return Layout.Page($"{platform}:{handle}", Html.H($"""
                <h1>{platform}:{handle}</h1>
                <p>{posts.Count} posts in the archive{(posts.Count >= MaxPosts ? Html.H($" (the newest {MaxPosts})") : HtmlString.Empty)}</p>
                {(finding is null ? Html.H($"<p class=\"muted\">Not flagged by the loaded detection.</p>") : Flags(finding))}
                <h2>Posting week <span class="muted">(UTC, Monday first)</span></h2>
                {Week(posts)}
                <h2>Language over time</h2>
                {Languages(posts)}
                <h2>Latest posts</h2>
                {SearchPage.Rows(posts.Take(20).ToList())}
                """));
        });

    private static HtmlString Flags(AccountFinding a)
    {
        var e = a.Evidence;
        return Html.H($"""
            <p>flags: {Html.Join(a.Flags.Select(f => Html.H($"<span class=\"tag flag\">{f}</span> ")))}</p>
            {(e.Shift is { } s ? Html.H($"<p>shift: works {string.Join(", ", s.WindowsUtc)} UTC, rests {string.Join(" and ", s.RestDays)}; {s.OfficeHoursShare:P0} of sittings on working days in its windows</p>") : HtmlString.Empty)}
            {(e.LanguageSwitch is { } l ? Html.H($"<p>language switch: {l.LanguageBefore} → {l.LanguageAfter} at {Html.Time(l.SwitchedAt)} after {l.DormantDays:0.#} dormant days (topic overlap {l.TopicOverlap:P0})</p>") : HtmlString.Empty)}
            {(e.Coordination is { } c ? Html.H($"<p>coordinated with {string.Join(", ", c.Partners)} in chains {Html.Join(c.SharedChains.Select(x => Html.H($"<a href=\"/chain/{Html.Seg(x)}\">{x}</a> ")))}</p>") : HtmlString.Empty)}
            <p>evidence posts: {Html.Join(AccountEvidencePosts.Of(a).Select(p => Html.H($"{DetectionPage.PostLink(p.Platform, p.Id)} ")))}</p>
            """);
    }

    /// <summary>7 × 24 cells, darker for more posts (by publication time, first seen where the page gave none).</summary>
    private static HtmlString Week(List<ArchivedPost> posts)
    {
        var cells = new int[7, 24];
        foreach (var a in posts)
        {
            var t = (a.Post.PublishedAt ?? a.FirstSeen).UtcDateTime;
            cells[((int)t.DayOfWeek + 6) % 7, t.Hour]++;
        }

        var max = Math.Max(1, cells.Cast<int>().Max());
        var svg = new StringBuilder("<svg class=\"week\" role=\"img\" aria-label=\"posts per hour of the week\" width=\"560\" height=\"170\" viewBox=\"0 0 560 170\">");
        string[] days = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        for (var d = 0; d < 7; d++)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{(d * 20) + 14}\" font-size=\"11\">{days[d]}</text>");
            for (var h = 0; h < 24; h++)
            {
                var n = cells[d, h];
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"cell\" data-n=\"{n}\" x=\"{36 + (h * 21)}\" y=\"{d * 20}\" width=\"19\" height=\"18\" fill=\"#1f6feb\" fill-opacity=\"{(n == 0 ? 0.05 : 0.15 + (0.85 * n / max)):0.##}\"><title>{days[d]} {h:00}h: {n}</title></rect>");
            }
        }

        for (var h = 0; h < 24; h += 3)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{36 + (h * 21)}\" y=\"158\" font-size=\"10\">{h:00}</text>");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static HtmlString Languages(List<ArchivedPost> posts)
    {
        var months = posts.GroupBy(a => (a.Post.PublishedAt ?? a.FirstSeen).UtcDateTime.ToString("yyyy-MM", CultureInfo.InvariantCulture))
            .OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        return months.Count == 0
            ? Html.H($"<p class=\"muted\">no posts</p>")
            : Html.H($"""
                <table class="languages"><tr><th>month</th><th>languages (posts)</th></tr>
                {Html.Join(months.Select(m => Html.H($"<tr><td>{m.Key}</td><td>{string.Join(", ", m.GroupBy(a => a.Post.Language ?? "unknown").OrderByDescending(g => g.Count()).Select(g => $"{g.Key} {g.Count()}"))}</td></tr>")))}
                </table>
                """);
    }
}
