using System.CommandLine;
using System.Globalization;
using Collector.Cli.Infrastructure;
using Collector.Model;
using Collector.Storage;
using Collector.Storage.Export;

namespace Collector.Cli.Commands;

/// <summary>`collector search QUERY`: full-text search over archived posts.</summary>
public static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("query") { Description = "Words to find (full-text syntax)." };
        var limit = new Option<int>("--limit") { Description = "At most N results.", DefaultValueFactory = _ => 20, HelpName = "N" };
        var store = CliOptions.Store();
        var config = CliOptions.Config();
        var json = CliOptions.Json();
        var command = new Command("search", "Search archived post text.") { query, limit, store, config, json };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var n = parse.GetValue(limit);
            if (n <= 0)
            {
                throw new UsageException("--limit must be at least 1");
            }

            await using var archive = await StoreAccess.OpenAsync(parse.GetValue(store), parse.GetValue(config), ct);
            var asJson = parse.GetValue(json);
            var found = 0;
            await foreach (var a in archive.SearchAsync(parse.GetRequiredValue(query), n, ct))
            {
                found++;
                if (asJson)
                {
                    await stdout.WriteLineAsync(PostExporter.ToJson(a).ToJsonString(CollectorJson.Options));
                    continue;
                }

                var p = a.Post;
                var text = (p.Title is null ? "" : p.Title + " | ") + (p.Text ?? "");
                text = text.Length > 140 ? text[..137] + "..." : text;
                var gone = a.Tombstone is null ? "" : " [" + a.Tombstone.Reason + "]";
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"{p.Key}{gone}  {(p.PublishedAt is { } t ? UtcDateTimeOffsetConverter.ToWire(t) : "-")}  {p.Author?.Handle ?? p.Author?.Name ?? "-"}  {text.Replace('\n', ' ')}  {p.Url}"));
            }

            if (!asJson)
            {
                await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{found} result(s)"));
            }

            return CollectorCli.Ok;
        });
        return command;
    }
}
