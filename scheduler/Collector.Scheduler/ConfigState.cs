using Collector.Configuration;

namespace Collector.Scheduler;

/// <summary>The configuration in force; replaced atomically when a valid change is loaded.</summary>
public sealed class ConfigState(LoadedConfig initial)
{
    private LoadedConfig current = initial;

    public LoadedConfig Current => Volatile.Read(ref current);

    public void Replace(LoadedConfig config) => Volatile.Write(ref current, config);

    public SourceOptions? FindSource(string name) =>
        Current.Options.Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
}
