using System.Text.Json;

namespace Collector.Storage;

/// <summary>A custody entry's seals as stored in a text column or document field: a JSON array of [table, key, hash].</summary>
public static class SealsJson
{
    public static string? Write(IReadOnlyList<Seal>? seals)
    {
        if (seals is null)
        {
            return null;
        }

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 + seals.Count * 128);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            foreach (var s in seals)
            {
                w.WriteStartArray();
                w.WriteStringValue(s.Table);
                w.WriteStringValue(s.Key);
                w.WriteStringValue(s.Hash);
                w.WriteEndArray();
            }

            w.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static IReadOnlyList<Seal>? Read(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var doc = JsonDocument.Parse(json);
        var seals = new List<Seal>(doc.RootElement.GetArrayLength());
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            seals.Add(new Seal(e[0].GetString()!, e[1].GetString()!, e[2].GetString()!));
        }

        return seals;
    }
}
