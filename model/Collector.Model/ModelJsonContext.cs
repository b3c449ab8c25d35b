using System.Text.Json.Serialization;

namespace Collector.Model;

/// <summary>
/// Compile-time JSON metadata for the records every page writes (its capture and its posts). <see cref="CollectorJson"/>
/// resolves these first and everything else by reflection: the output is the same bytes either way (a test holds both
/// to that), but reflection builds each type's metadata at run time, emitting and JIT-compiling its accessors, which
/// was a noticeable part of a short crawl's first second.
/// </summary>
[JsonSerializable(typeof(Post))]
[JsonSerializable(typeof(Capture))]
internal sealed partial class ModelJsonContext : JsonSerializerContext;
