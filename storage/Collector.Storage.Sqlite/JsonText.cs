using System.Buffers;
using System.Text.Json;
using Collector.Model;

namespace Collector.Storage.Sqlite;

/// <summary>
/// Serializes values to UTF-8 JSON exactly as <see cref="CollectorJson.Serialize{T}"/> does (same options, same encoder),
/// into one buffer of the writer connection's reused for every value: what a version row stores, bound straight from
/// the buffer.
/// </summary>
internal sealed class JsonText : IDisposable
{
    /// <summary>The encoder CollectorJson uses, so that what is written here reads back exactly as CollectorJson writes it.</summary>
    internal static readonly JsonWriterOptions Options = new() { Encoder = CollectorJson.Options.Encoder };
    private readonly SqliteDatabase.WriteScope scope;
    private readonly ArrayBufferWriter<byte> buffer;
    private readonly Utf8JsonWriter writer;

    public JsonText(SqliteDatabase.WriteScope scope)
    {
        this.scope = scope;
        buffer = scope.RentBuffer();
        writer = new Utf8JsonWriter(buffer, Options);
    }

    /// <summary>The value's JSON, valid until the next call.</summary>
    public ReadOnlySpan<byte> Write<T>(T value)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, CollectorJson.Options);
        writer.Flush();
        return buffer.WrittenSpan;
    }

    public void Dispose()
    {
        writer.Dispose();
        scope.ReturnBuffer(buffer);
    }
}
