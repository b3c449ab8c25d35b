using Collector.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Collector.Web.Pages;

/// <summary>POST `/capture/{id}/verify` (with --allow-actions): re-hashes every artifact of the capture and reports each.</summary>
public static class VerifyAction
{
    public static void Map(WebApplication app) =>
        app.MapPost("/capture/{id}/verify", async (string id, IArchive archive, ServeOptions options, CancellationToken ct) =>
        {
            if (!options.AllowActions)
            {
                return ReadOnly();
            }

            var capture = await archive.GetCaptureAsync(id, ct);
            if (capture is null)
            {
                return Layout.NotFound($"no capture {id} in this archive");
            }

            var checks = new List<(Collector.Model.ArtifactRef Ref, ArtifactCheck Check)>();
            foreach (var a in capture.Artifacts)
            {
                checks.Add((a, await archive.Artifacts.VerifyAsync(a.Sha256, ct)));
            }

            var ok = checks.All(c => c.Check.State == ArtifactState.Ok);
            return Layout.Page("Verify " + id, Html.H($"""
                <h1>Capture <a href="/capture/{Html.Seg(id)}">{id}</a>: <span class="{(ok ? "ok" : "bad")} verdict">{(ok ? "every artifact matches its hash" : "ARTIFACTS DO NOT MATCH")}</span></h1>
                <table><tr><th>kind</th><th>recorded SHA-256</th><th>state</th><th>bytes re-hashed</th></tr>
                {Html.Join(checks.Select(c => Html.H($"<tr><td>{c.Ref.Kind}</td><td class=\"hash\">{c.Ref.Sha256}</td><td class=\"{(c.Check.State == ArtifactState.Ok ? "ok" : "bad")}\">{c.Check.State.ToString().ToLowerInvariant()} {c.Check.ActualSha256} {c.Check.Detail}</td><td>{Html.Num(c.Check.Length)}</td></tr>")))}
                </table>
                """));
        });

    /// <summary>The answer to an action on a read-only server.</summary>
    public static IResult ReadOnly() => Layout.Page("Read-only", Html.H($"<h1>Read-only</h1><p>This server was started without --allow-actions: it only shows the archive.</p>"), StatusCodes.Status403Forbidden);
}
