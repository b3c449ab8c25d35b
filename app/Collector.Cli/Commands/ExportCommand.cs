using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Collector.Cli.Infrastructure;
using Collector.Configuration;
using Collector.Model;
using Collector.Storage;
using Collector.Storage.Export;

namespace Collector.Cli.Commands;

/// <summary>`collector export`: posts as JSONL/CSV/Parquet, captures as WACZ, or a case bundle.</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var format = new Option<string>("--format") { Description = "jsonl, csv, parquet, wacz or bundle.", Required = true, HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("jsonl", "csv", "parquet", "wacz", "bundle");
        var output = new Option<string>("--out") { Description = "File to write.", Required = true, HelpName = "PATH" };
        var source = new Option<string?>("--source") { Description = "Only posts of this source.", HelpName = "S" };
        var pseudonymize = new Option<string?>("--pseudonymize") { Description = "Replace author ids and handles with keyed HMACs (key read from this file).", HelpName = "KEYFILE" };
        var post = new Option<string[]>("--post") { Description = "bundle: a post as PLATFORM:ID (repeatable).", HelpName = "PLATFORM:ID" };
        var url = new Option<string[]>("--url") { Description = "bundle: the captures of this URL (repeatable).", HelpName = "URL" };
        var chain = new Option<string[]>("--chain") { Description = "bundle: a detected chain id (repeatable; chains from --chains).", HelpName = "ID" };
        var chains = new Option<string?>("--chains") { Description = "bundle: chains.json written by `collector detect`.", HelpName = "FILE" };
        var platforms = CliOptions.Platforms();
        var since = CliOptions.Since();
        var until = CliOptions.Until();
        var store = CliOptions.Store();
        var config = CliOptions.Config();
        var command = new Command("export", "Export posts (jsonl, csv, parquet), captures as WACZ, or a verifiable case bundle.")
        {
            format, output, platforms, source, since, until, pseudonymize, post, url, chain, chains, store, config,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var fmt = parse.GetRequiredValue(format);
            var outPath = parse.GetRequiredValue(output);
            var configPath = parse.GetValue(config);
            await using var archive = await StoreAccess.OpenAsync(parse.GetValue(store), configPath, ct);
            if (fmt is "wacz" or "bundle")
            {
                var keys = new List<PostKey>();
                foreach (var text in parse.GetValue(post) ?? [])
                {
                    keys.Add(PostKey.TryParse(text, out var key) ? key : throw new UsageException($"--post '{text}' is not PLATFORM:ID"));
                }

                var request = new EvidenceExportRequest
                {
                    Format = fmt, OutPath = outPath, Platforms = parse.GetValue(platforms) ?? [], Source = parse.GetValue(source),
                    Since = parse.GetValue(since), Until = parse.GetValue(until), Posts = keys, Urls = parse.GetValue(url) ?? [],
                    Chains = parse.GetValue(chain) ?? [], ChainsFile = parse.GetValue(chains),
                };
                return await EvidenceHooks.ExportAsync(archive, request, stdout, ct);
            }

            var keyFile = parse.GetValue(pseudonymize);
            Pseudonymizer? pseudonymizer;
            try
            {
                pseudonymizer = keyFile is null ? null : Pseudonymizer.FromKeyFile(keyFile);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }

            var query = new PostQuery
            {
                Platforms = parse.GetValue(platforms) ?? [], Source = parse.GetValue(source), Since = parse.GetValue(since), Until = parse.GetValue(until),
            };
            var full = Path.GetFullPath(outPath);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            var temp = full + ".partial";
            long count;
            await using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                count = await PostExporter.WriteAsync(archive.QueryPostsAsync(query, ct), fmt, file, pseudonymizer, ct);
                await file.FlushAsync(ct);
            }

            File.Move(temp, full, overwrite: true);
            string sha;
            await using (var read = File.OpenRead(full))
            {
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
            }

            await archive.Custody.AppendAsync(new CustodyEvent
            {
                Action = "export",
                Subject = Path.GetFileName(full),
                ConfigHash = ConfigHash(configPath),
                Detail = string.Create(CultureInfo.InvariantCulture,
                    $"{fmt}, {count} posts, sha256 {sha}{(pseudonymizer is null ? "" : ", pseudonymized")}"),
            }, ct);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"exported {count} posts to {outPath} ({fmt}, sha256 {sha})"));
            return CollectorCli.Ok;
        });
        return command;
    }

    private static string ConfigHash(string? configPath) =>
        (configPath is null ? ConfigLoader.Defaults() : ConfigLoader.LoadFile(configPath)).Hash;
}
