using Collector.Configuration;
using Collector.Storage;

namespace Collector.Cli.Infrastructure;

/// <summary>Opens the archive a command names: --store, else the config's storage.uri, else the default.</summary>
public static class StoreAccess
{
    public static string ResolveUri(string? store, string? configPath)
    {
        if (!string.IsNullOrWhiteSpace(store))
        {
            return store;
        }

        var config = configPath is null ? ConfigLoader.Defaults() : ConfigLoader.LoadFile(configPath);
        return config.Options.Storage.Uri;
    }

    public static Task<IArchive> OpenAsync(string? store, string? configPath, CancellationToken cancellationToken) =>
        new ArchiveOpener(StorageBackends.All()).OpenAsync(ResolveUri(store, configPath), cancellationToken);
}
