using System.Globalization;
using Collector.Web.Detection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collector.Web.Pages;

/// <summary>
/// POST `/detect/run` (with --allow-actions and --detect-dir): starts `collector detect` over the whole archive in the
/// background; GET `/detect/run`: its progress (the page reloads itself each second while it runs), then its outcome.
/// </summary>
public static class DetectRunAction
{
    public static void Map(WebApplication app)
    {
        app.MapPost("/detect/run", (DetectionRunner runner) =>
        {
            if (runner.Unavailable is { } why)
            {
                return Layout.Page("Detection not run", Html.H($"<h1>Detection not run</h1><p>{why}.</p>"), StatusCodes.Status403Forbidden);
            }

            // Started now, or already running: either way the progress page is where to look.
            runner.TryStart();
            return Results.Redirect("/detect/run", permanent: false, preserveMethod: false);
        });
        app.MapGet("/detect/run", (DetectionRunner runner) =>
        {
            var s = runner.State;
            var body = Html.H($"""
                <h1>Detection run</h1>
                <p class="run-phase">{s.Phase}</p>
                {Bar(s)}
                <table class="run"><tr><th>started</th><td>{Html.Time(s.StartedUtc)}</td></tr>
                <tr><th>posts read</th><td class="run-posts">{Html.Num(s.PostsRead)}</td></tr>
                <tr><th>stages done</th><td>{s.StagesDone} of {s.StagesTotal}</td></tr>
                <tr><th>finished</th><td>{Html.Time(s.FinishedUtc)}</td></tr></table>
                {(s.Summary is null ? HtmlString.Empty : Html.H($"<p class=\"run-summary\">{s.Summary}. <a href=\"/detect\">See the results</a>.</p>"))}
                {(s.Error is null ? HtmlString.Empty : Html.H($"<p class=\"bad run-error\">The run failed: {s.Error}</p>"))}
                """);
            return Layout.Page("Detection run", body, refreshSeconds: s.Running ? 1 : null);
        });
    }

    /// <summary>The run as a bar: reading posts is the first share, each detection stage the next ones.</summary>
    private static HtmlString Bar(RunState s)
    {
        if (s.StagesTotal == 0)
        {
            return HtmlString.Empty;
        }

        var steps = s.StagesTotal + 2; // reading, the stages, writing
        var done = s.Running ? (s.Phase.StartsWith("reading", StringComparison.Ordinal) ? 0 : 1 + s.StagesDone) : steps;
        return Html.H($"<progress class=\"run-progress\" max=\"{steps.ToString(CultureInfo.InvariantCulture)}\" value=\"{done.ToString(CultureInfo.InvariantCulture)}\"></progress>");
    }

    /// <summary>The /detect page's control: a button to run detection now, with the last run's state.</summary>
    public static HtmlString Control(DetectionRunner runner)
    {
        if (runner.Unavailable is { } why)
        {
            return Html.H($"<p class=\"muted\">Running detection from here needs --allow-actions and --detect-dir ({why}).</p>");
        }

        var s = runner.State;
        return Html.H($"""
            <form method="post" action="/detect/run"><button type="submit" class="run-detect">{(s.Running ? "Detection is running: see its progress" : "Run detection now")}</button></form>
            {(s.StartedUtc is null ? HtmlString.Empty : Html.H($"<p class=\"muted\">Last run from this page: <a href=\"/detect/run\">{s.Phase}</a>, started {Html.Time(s.StartedUtc)}</p>"))}
            """);
    }
}
