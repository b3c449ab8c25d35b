using System.Runtime.CompilerServices;

namespace Collector.Detection.Text;

/// <summary>Small non-cryptographic hashes used on hot paths (no allocation).</summary>
internal static class Hashing
{
    /// <summary>FNV-1a over UTF-16 code units, then a Murmur3 finalizer.</summary>
    public static uint Token(ReadOnlySpan<char> token)
    {
        var h = 2166136261u;
        foreach (var c in token)
        {
            h = (h ^ c) * 16777619u;
        }

        return Mix32(h);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Mix32(uint h)
    {
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix64(ulong h)
    {
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong seed, uint value) => Mix64(seed ^ (value + 0x9E3779B97F4A7C15UL + (seed << 6) + (seed >> 2)));

    public static ulong String64(string? s)
    {
        ulong h = 1469598103934665603UL;
        if (s is not null)
        {
            foreach (var c in s)
            {
                h = (h ^ c) * 1099511628211UL;
            }
        }

        return Mix64(h);
    }
}
