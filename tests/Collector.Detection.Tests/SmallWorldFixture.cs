using Collector.Detection.Output;
using Collector.Detection.Synthetic;

namespace Collector.Detection.Tests;

/// <summary>One small synthetic world, detected once and written to a temporary folder, shared by the output tests.</summary>
public sealed class SmallWorldFixture : IAsyncLifetime
{
    public SyntheticWorld World { get; private set; } = null!;

    public DetectionResult Result { get; private set; } = null!;

    public string OutDir { get; } = Path.Combine(Path.GetTempPath(), "collector-detect-" + Guid.NewGuid().ToString("N")[..8]);

    public async ValueTask InitializeAsync()
    {
        World = WorldGenerator.Generate(WorldOptions.ForPosts(4_000, seed: 99));
        Result = DetectionEngine.Run(World.Posts);
        await DetectionWriters.WriteAllAsync(Result, OutDir);
    }

    public ValueTask DisposeAsync()
    {
        if (Directory.Exists(OutDir))
        {
            Directory.Delete(OutDir, recursive: true);
        }

        return ValueTask.CompletedTask;
    }
}
