using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using Collector.Cli.Infrastructure;
using Collector.Configuration;
using Collector.Storage;
using Collector.Storage.Export;

namespace Collector.Cli.Commands;

/// <summary>`collector import FILE`: normalized posts from other tools into the archive.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "JSONL or CSV of normalized posts." };
        var source = new Option<string?>("--source") { Description = "Name the imported posts' source.", HelpName = "S" };
        var store = CliOptions.Store();
        var config = CliOptions.Config();
        var command = new Command("import", "Import normalized posts (JSONL or CSV) from other tools, marked as imported.")
        {
            file, source, store, config,
        };
        command.SetAction(async (parse, ct) =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var path = parse.GetRequiredValue(file);
            if (!File.Exists(path))
            {
                throw new UsageException($"no such file: {path}");
            }

            PostFileReader reader;
            try
            {
                reader = new PostFileReader(path);
            }
            catch (ArgumentException ex)
            {
                throw new UsageException(ex.Message);
            }

            string sha;
            await using (var read = File.OpenRead(path))
            {
                sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(read, ct));
            }

            var configPath = parse.GetValue(config);
            await using var archive = await StoreAccess.OpenAsync(parse.GetValue(store), configPath, ct);
            var receipt = await archive.ImportAsync(reader.Read(), new ImportContext
            {
                Origin = Path.GetFileName(path),
                Source = parse.GetValue(source),
                FileSha256 = sha,
                ConfigHash = (configPath is null ? ConfigLoader.Defaults() : ConfigLoader.LoadFile(configPath)).Hash,
                SkippedLines = () => reader.Rejected,
            }, ct);
            foreach (var error in reader.Errors)
            {
                await stderr.WriteLineAsync($"import: skipped {error}");
            }

            if (reader.Rejected > reader.Errors.Count)
            {
                await stderr.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"import: … and {reader.Rejected - reader.Errors.Count} more malformed lines"));
            }

            var rejected = receipt.Rejected + reader.Rejected;
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"imported {path}: {receipt.NewPosts} new, {receipt.ChangedPosts} changed, {receipt.UnchangedPosts} unchanged, {rejected} skipped as malformed, in {receipt.Batches} sealed batches"));
            return receipt.NewPosts + receipt.ChangedPosts + receipt.UnchangedPosts == 0 && rejected > 0 ? CollectorCli.Failure : CollectorCli.Ok;
        });
        return command;
    }
}
