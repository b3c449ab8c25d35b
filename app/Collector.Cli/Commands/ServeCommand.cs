using System.CommandLine;
using Collector.Cli.Infrastructure;
using Collector.Configuration;
using Collector.Web;

namespace Collector.Cli.Commands;

/// <summary>`collector serve`: the archive in a browser (read-only unless --allow-actions; loopback unless a token is set).</summary>
public static class ServeCommand
{
    public static Command Create()
    {
        var store = CliOptions.Store();
        var config = CliOptions.Config();
        var listen = new Option<string>("--listen") { Description = "Address and port of the UI (loopback unless --token is given).", DefaultValueFactory = _ => "127.0.0.1:8080", HelpName = "HOST:PORT" };
        var artifacts = new Option<string?>("--artifact-listen") { Description = "Address and port of the origin that serves archived content (default: the UI's address, next port).", HelpName = "HOST:PORT" };
        var detectDir = new Option<string?>("--detect-dir") { Description = "Folder with the output of `collector detect` (chains, network, flagged accounts).", HelpName = "DIR" };
        var token = new Option<string?>("--token") { Description = "Access token every request must carry (required to listen beyond loopback).", HelpName = "T" };
        var tokenFile = new Option<string?>("--token-file") { Description = "Read the access token from this file (first line).", HelpName = "FILE" };
        var allowActions = new Option<bool>("--allow-actions") { Description = "Allow verifying captures and exporting case bundles from the pages." };
        var tsaRoot = new Option<string?>("--tsa-root") { Description = "Root certificate (PEM) of the time-stamping authority, shipped in exported bundles so their tokens verify.", HelpName = "FILE" };
        var command = new Command("serve", "Browse the archive in a web browser: search, a post's versions and evidence, detection results, collection status.")
        {
            store, config, listen, artifacts, detectDir, token, tokenFile, allowActions, tsaRoot,
        };
        command.SetAction(async (parse, ct) =>
        {
            // The configuration names the sources the collection page shows (the default one when it is there).
            var configPath = parse.GetValue(config) ?? (File.Exists(RunCommand.DefaultConfig) ? RunCommand.DefaultConfig : null);
            var options = new ServeOptions
            {
                Collection = configPath is null ? null : ConfigLoader.LoadFile(configPath).Options,
                Listen = Endpoint(parse.GetRequiredValue(listen)),
                ArtifactListen = parse.GetValue(artifacts) is { } a ? Endpoint(a) : null,
                Token = ReadToken(parse.GetValue(token), parse.GetValue(tokenFile)),
                AllowActions = parse.GetValue(allowActions),
                DetectDir = parse.GetValue(detectDir),
                BundleTrust = parse.GetValue(tsaRoot) is { } root ? Trust(root) : null,
                Rederiver = VerifyCommand.Reparser(),
            };
            var errors = options.Validate();
            if (errors.Count > 0)
            {
                throw new UsageException("serve: " + string.Join("; ", errors));
            }

            await using var archive = await StoreAccess.OpenAsync(parse.GetValue(store), configPath, ct);
            await using var host = await ServeHost.StartAsync(options, archive, TimeProvider.System, cancellationToken: ct);
            var stdout = parse.InvocationConfiguration.Output;
            await stdout.WriteLineAsync($"Serving {archive.Uri} at {host.UiUrl} ({(options.AllowActions ? "actions allowed" : "read-only")}{(options.Token is null ? "" : "; token required")}); archived content from {host.ArtifactUrl}. Ctrl-C stops.");
            await host.WaitForShutdownAsync(ct);
            return CollectorCli.Ok;
        });
        return command;
    }

    /// <summary>The command that serves a demo's output folder (its archive, its configuration, its detection report).</summary>
    public static string ForDemo(string outDir)
    {
        static string Quote(string path) => path.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '$' or '`') ? "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'" : path;
        return $"./collector serve --store {Quote("sqlite:" + Path.Combine(outDir, "archive", "collector.db"))} --config {Quote(Path.Combine(outDir, "collector.json"))} --detect-dir {Quote(Path.Combine(outDir, "report"))} --tsa-root {Quote(Path.Combine(outDir, "evidence", "TSA-CA.pem"))}";
    }

    private static Collector.Evidence.Bundles.BundleTrust Trust(string path) => File.Exists(path)
        ? new Collector.Evidence.Bundles.BundleTrust(File.ReadAllText(path), $"the root certificate given to `collector serve --tsa-root` ({Path.GetFileName(path)})")
        : throw new UsageException($"--tsa-root {path}: no such file");

    private static System.Net.IPEndPoint Endpoint(string text)
    {
        try
        {
            return ServeOptions.ParseListen(text);
        }
        catch (FormatException ex)
        {
            throw new UsageException(ex.Message);
        }
    }

    private static string? ReadToken(string? token, string? file)
    {
        if (token is not null && file is not null)
        {
            throw new UsageException("give --token or --token-file, not both");
        }

        if (file is null)
        {
            return token;
        }

        if (!File.Exists(file))
        {
            throw new UsageException($"--token-file {file}: no such file");
        }

        var line = File.ReadLines(file).FirstOrDefault()?.Trim();
        return string.IsNullOrEmpty(line) ? throw new UsageException($"--token-file {file} is empty") : line;
    }
}
