using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Collector.Parsers;

public static class ParserServiceCollectionExtensions
{
    /// <summary>Registers every built-in parser as <see cref="IPlatformParser"/> and the <see cref="ParserRegistry"/> over them.</summary>
    public static IServiceCollection AddCollectorParsers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var parser in BuiltInParsers.Create())
        {
            services.AddSingleton(parser);
        }

        services.TryAddSingleton(sp => new ParserRegistry(sp.GetServices<IPlatformParser>()));
        return services;
    }
}
