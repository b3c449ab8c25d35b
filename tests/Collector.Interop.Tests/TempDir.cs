namespace Collector.Interop.Tests;

internal sealed class TempDir : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("collector-interop-");

    public string Path => dir.FullName;

    public void Dispose() => dir.Delete(recursive: true);
}
