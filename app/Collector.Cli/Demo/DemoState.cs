using System.Text.Json;

namespace Collector.Cli.Demo;

/// <summary>
/// What a demo folder remembers between runs: how many world cycles have passed, so a second run continues the story,
/// and the simulated platforms' first port, so that the archived permalinks and media URLs still lead somewhere (a new
/// port would make every post look changed and every revisit fail).
/// </summary>
public sealed record DemoState(int Seed, int CyclesDone, int Port = 0)
{
    public const string FileName = "demo-state.json";

    public static DemoState Load(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            return new DemoState(7, 0);
        }

        try
        {
            return JsonSerializer.Deserialize<DemoState>(File.ReadAllText(path)) ?? new DemoState(7, 0);
        }
        catch (JsonException)
        {
            return new DemoState(7, 0); // an unreadable state starts the world again; the archive keeps everything
        }
    }

    public void Save(string folder)
    {
        var path = Path.Combine(folder, FileName);
        File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(this));
        File.Move(path + ".tmp", path, overwrite: true);
    }
}
