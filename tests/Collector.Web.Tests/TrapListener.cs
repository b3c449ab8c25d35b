using System.Net;
using System.Net.Sockets;

namespace Collector.Web.Tests;

/// <summary>A loopback port that counts every connection made to it: where a hostile captured page would send what it stole.</summary>
public sealed class TrapListener : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private int connections;

    public TrapListener()
    {
        listener.Start();
        _ = AcceptAsync();
    }

    public string Origin => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public int Connections => Volatile.Read(ref connections);

    public void Dispose() => listener.Dispose();

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref connections);
            }
        }
        catch (Exception ex) when (ex is ObjectDisposedException or SocketException)
        {
            // stopped
        }
    }
}
