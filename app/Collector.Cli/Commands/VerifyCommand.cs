using System.CommandLine;
using System.Globalization;
using Collector.Cli.Infrastructure;
using Collector.Configuration;
using Collector.Crawler.Core;
using Collector.Model;
using Collector.Parsers;
using Collector.Storage;

namespace Collector.Cli.Commands;

/// <summary>`collector verify [BUNDLE]`: re-hash artifacts, walk the custody chain, check timestamps; or check a case bundle alone.</summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var bundle = new Argument<string?>("bundle") { Description = "A case bundle (.zip) to check on its own, without an archive.", Arity = ArgumentArity.ZeroOrOne };
        var store = CliOptions.Store();
        var config = CliOptions.Config();
        var json = CliOptions.Json();
        var command = new Command("verify", "Verify the archive (artifacts, custody chain, timestamp tokens) or a case bundle; exit 1 when anything is wrong.")
        {
            bundle, store, config, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            if (parse.GetValue(bundle) is { } bundlePath)
            {
                return await EvidenceHooks.VerifyBundleAsync(bundlePath, stdout, ct);
            }

            var configPath = parse.GetValue(config);
            await using var archive = await StoreAccess.OpenAsync(parse.GetValue(store), configPath, ct);
            var stderr = parse.InvocationConfiguration.Error;
            var result = await VerifyProgressBar.RunAsync(stderr, progress => ArchiveVerifier.VerifyAsync(archive, Reparser(), progress, ct));
            foreach (var removed in result.RemovedTemporaryFiles)
            {
                await stderr.WriteLineAsync($"verify: removed temporary file {removed} (left by an interrupted write)");
            }

            var problems = result.Problems.ToList();
            problems.AddRange(await EvidenceHooks.VerifyTimestampsAsync(archive, stdout, ct)); // tokens, and the log against every stamped head

            var summary = string.Create(CultureInfo.InvariantCulture,
                $"{result.ArtifactsChecked} artifacts ({result.BytesChecked} bytes) re-hashed, {result.CustodyEntries} custody entries walked, {result.Captures} captures checked, {result.RecordsChecked} records checked against their seals, {result.Anchors.Count} anchors held, {result.Rederived?.Posts ?? 0} posts' text re-derived from {result.Rederived?.Captures ?? 0} stored pages; head {HeadText(result.Head)}");
            if (problems.Count == 0)
            {
                var configHash = (configPath is null ? ConfigLoader.Defaults() : ConfigLoader.LoadFile(configPath)).Hash;
                await archive.Custody.AppendAsync(new CustodyEvent { Action = "verify", Subject = archive.Uri, ConfigHash = configHash, Detail = "clean: " + summary }, ct);
            }

            if (parse.GetValue(json))
            {
                await stdout.WriteLineAsync(CollectorJson.Serialize(new
                {
                    clean = problems.Count == 0,
                    problems,
                    findings = result.Findings.Select(f => new { table = f.Table, key = f.Key, message = f.Message, expected = f.Expected, actual = f.Actual }),
                    notes = result.Notes,
                    head = result.Head is { } h ? new { sequence = h.Sequence, hash = h.Hash } : null,
                    records = result.RecordsChecked,
                    artifacts = result.ArtifactsChecked,
                    bytes = result.BytesChecked,
                    custodyEntries = result.CustodyEntries,
                    captures = result.Captures,
                    seconds = result.Elapsed.TotalSeconds,
                }, indented: true));
            }
            else
            {
                foreach (var p in problems)
                {
                    await stdout.WriteLineAsync("PROBLEM " + p);
                }

                foreach (var n in result.Notes)
                {
                    await stdout.WriteLineAsync("NOTE " + n);
                }

                await stdout.WriteLineAsync((problems.Count == 0 ? "verify: clean: " : string.Create(CultureInfo.InvariantCulture, $"verify: {problems.Count} problem(s): ")) + summary);
            }

            return problems.Count == 0 ? CollectorCli.Ok : CollectorCli.Failure;
        });
        return command;
    }

    /// <summary>This build's parsers reading stored pages again, so verify holds every version's text to its raw page.</summary>
    internal static StoredPageReparser Reparser() => new(ParserRegistry.CreateDefault());

    /// <summary>The custody log's head as users write it down: sequence number and hash.</summary>
    internal static string HeadText(CustodyEntry? head) =>
        head is null ? "none (empty log)" : string.Create(CultureInfo.InvariantCulture, $"entry {head.Sequence} {head.Hash}");
}
