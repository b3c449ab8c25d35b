using System.Runtime.InteropServices;

namespace Collector.Storage;

/// <summary>
/// What makes a new file survive a power cut once its bytes are flushed: the directory entry that names it (made by
/// the create or the rename into place) lives in the directory, which must be flushed too. On Linux the directory is
/// opened and fsync'ed, and a failure is an error (the file cannot be promised durable). Elsewhere it is best effort:
/// other Unix systems are tried and failures ignored; on Windows NTFS journals its directory entries and .NET offers no
/// directory flush.
/// </summary>
public static partial class DurableFiles
{
    private const int OpenReadOnly = 0;
    private const int LinuxCloseOnExec = 0x80000;
    private const int InvalidArgument = 22;

    /// <summary>Flushes <paramref name="directory"/>'s entries (files created, renamed into or out of it) to disk.</summary>
    public static void FlushDirectory(string directory)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var linux = OperatingSystem.IsLinux();
        var fd = Open(directory, linux ? OpenReadOnly | LinuxCloseOnExec : OpenReadOnly);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (linux)
            {
                throw new IOException($"cannot open directory {directory} to flush it to disk: {Marshal.GetPInvokeErrorMessage(errno)}");
            }

            return;
        }

        try
        {
            if (Fsync(fd) != 0)
            {
                // EINVAL: this file system does not flush directories (it has nothing to flush); anything else is a failure.
                var errno = Marshal.GetLastPInvokeError();
                if (linux && errno != InvalidArgument)
                {
                    throw new IOException($"cannot flush directory {directory} to disk: {Marshal.GetPInvokeErrorMessage(errno)}");
                }
            }
        }
        finally
        {
            _ = Close(fd);
        }
    }

    /// <summary>Creates <paramref name="directory"/> and any missing parents, flushing each new entry into its parent.</summary>
    public static void CreateDirectory(string directory)
    {
        if (Directory.Exists(directory))
        {
            return;
        }

        var created = new List<string>();
        for (var d = Path.GetFullPath(directory); !string.IsNullOrEmpty(d) && !Directory.Exists(d); d = Path.GetDirectoryName(d))
        {
            created.Add(d);
        }

        Directory.CreateDirectory(directory);
        foreach (var d in created)
        {
            if (Path.GetDirectoryName(d) is { Length: > 0 } parent)
            {
                FlushDirectory(parent);
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);
}
