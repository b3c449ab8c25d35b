using System.Globalization;
using Collector.Scheduler;
using Collector.Storage;
using Microsoft.AspNetCore.Builder;

namespace Collector.Web.Pages;

/// <summary>`/collection`: each source's next fire, last outcome and backoff (as `collector status`), the run history with pages by outcome (as `collector runs`), and the custody head.</summary>
public static class CollectionPage
{
    public const int Runs = 100;

    public static void Map(WebApplication app) =>
        app.MapGet("/collection", async (IArchive archive, ServeOptions options, TimeProvider time, CancellationToken ct) =>
        {
            var sources = options.Collection is { } config ? await SourceStatusReport.ComputeAsync(config, archive, time.GetUtcNow(), ct) : null;
            var runs = await archive.Runs.ListAsync(null, Runs, ct);
            var head = await archive.Custody.HeadAsync(ct);
            return Layout.Page("Collection", Html.H($"""
                <h1>Collection</h1>
                <p>custody head: {(head is null ? Html.H($"empty log") : Html.H($"entry {head.Sequence} at {Html.Time(head.At)}, <span class=\"hash custody-head\">{head.Hash}</span>"))}</p>
                <h2>Sources</h2>
                {(sources is null ? Html.H($"<p class=\"muted\">No configuration given (start serve with --config FILE to see schedules).</p>") : Sources(sources))}
                <h2>Runs <span class="muted">(newest {Runs})</span></h2>
                <table class="runs"><tr><th>run</th><th>source</th><th>started</th><th>ended</th><th>outcome</th><th>pages by outcome</th><th>posts new / changed / removed</th><th>errors</th></tr>
                {Html.Join(runs.Select(Run))}
                </table>
                """));
        });

    private static HtmlString Sources(IReadOnlyList<SourceStatus> rows) => Html.H($"""
        <table class="sources"><tr><th>source</th><th>platform</th><th>schedule</th><th>next fire</th><th>last run</th><th>outcome</th><th>failing</th><th>backoff</th></tr>
        {Html.Join(rows.Select(r => Html.H($"<tr><td>{r.Source}</td><td>{r.Platform}</td><td>{r.Schedule ?? "none"} {(r.TimeZone is null or "UTC" ? "" : r.TimeZone)}</td><td>{(r.Enabled ? Html.Time(r.NextFire) : "disabled")}</td><td>{Html.Time(r.LastRun?.StartedAt)}</td><td>{r.LastRun?.Outcome ?? "never"}</td><td class=\"{(r.ConsecutiveFailures > 0 ? "bad" : "")}\">{(r.ConsecutiveFailures > 0 ? $"{r.ConsecutiveFailures} in a row" : "")}</td><td>{(r.Backoff > TimeSpan.Zero ? $"{r.Backoff} (until {Html.Time(r.RetryNotBefore)})" : "")}</td></tr>")))}
        </table>
        """);

    private static HtmlString Run(RunRecord r) => Html.H($"""
        <tr id="{r.Id}"><td class="hash">{r.Id}</td><td>{r.Source}</td><td>{Html.Time(r.StartedAt)}</td><td>{Html.Time(r.EndedAt)}</td><td>{r.Outcome}</td>
        <td>{string.Join(", ", r.PagesByOutcome.OrderByDescending(p => p.Value).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value}")))}</td>
        <td>{r.PostsNew} / {r.PostsChanged} / {r.PostsRemoved}</td><td>{(r.Errors.Count == 0 ? "" : string.Join("; ", r.Errors.Take(3)))}</td></tr>
        """);
}
