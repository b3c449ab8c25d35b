using System.CommandLine;
using System.Globalization;
using Collector.Cli.Infrastructure;
using Collector.Model;
using Collector.Storage;

namespace Collector.Cli.Commands;

/// <summary>`collector history PLATFORM ID`: versions, observations and tombstone of one post.</summary>
public static class HistoryCommand
{
    public static Command Create()
    {
        var platform = new Argument<string>("platform") { Description = "Platform key." };
        var id = new Argument<string>("id") { Description = "The platform's post id." };
        var store = CliOptions.Store();
        var config = CliOptions.Config();
        var json = CliOptions.Json();
        var command = new Command("history", "Show a post's versions (with what changed), observations and tombstone.")
        {
            platform, id, store, config, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var key = new PostKey(parse.GetRequiredValue(platform).ToLowerInvariant(), parse.GetRequiredValue(id));
            await using var archive = await StoreAccess.OpenAsync(parse.GetValue(store), parse.GetValue(config), ct);
            var history = await archive.GetHistoryAsync(key, ct);
            if (history is null)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync($"collector history: no post {key} in {archive.Uri}");
                return CollectorCli.Failure;
            }

            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(CollectorJson.Serialize(history, indented: true));
                return CollectorCli.Ok;
            }

            await WriteAsync(stdout, history);
            return CollectorCli.Ok;
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter o, PostHistory h)
    {
        var latest = h.Versions[^1].Post;
        await o.WriteLineAsync(Invariant($"{h.Key}  {h.Versions.Count} version(s), {h.Observations.Count} observation(s)  {latest.Url}"));
        await o.WriteLineAsync(h.Tombstone is { } t
            ? Invariant($"tombstone: {t.Reason} at {Time(t.At)} (capture {t.CaptureId})")
            : "tombstone: none (still present when last seen)");
        await o.WriteLineAsync("versions:");
        foreach (var v in h.Versions)
        {
            var what = v.Number == 1 ? "first seen" : "changed: " + string.Join(", ", v.Changes.Select(c => c.Field));
            await o.WriteLineAsync(Invariant($"  v{v.Number}  {Time(v.FirstSeen)}  capture {v.CaptureId ?? "(imported)"}  hash {v.ContentHash[..16]}  {what}"));
            foreach (var c in v.Changes)
            {
                await o.WriteLineAsync($"      {c.Field}: {Clip(c.Before)} -> {Clip(c.After)}");
            }
        }

        await o.WriteLineAsync("observations:");
        foreach (var ob in h.Observations)
        {
            var m = ob.Metrics;
            await o.WriteLineAsync(Invariant(
                $"  {Time(ob.At)}  capture {ob.CaptureId ?? "(imported)"}  v{ob.Version}{(ob.Changed ? " (new content)" : "")}  likes={N(m.Likes)} comments={N(m.Comments)} shares={N(m.Shares)} views={N(m.Views)} score={N(m.Score)}"));
        }
    }

    private static string Time(DateTimeOffset t) => UtcDateTimeOffsetConverter.ToWire(t);

    private static string N(long? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Clip(string? s) => s is null ? "(none)" : "\"" + (s.Length > 120 ? s[..117] + "..." : s).Replace("\n", " ", StringComparison.Ordinal) + "\"";

    private static string Invariant(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
