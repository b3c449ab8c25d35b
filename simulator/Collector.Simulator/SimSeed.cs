using Collector.Model;

namespace Collector.Simulator;

/// <summary>A URL a crawl of the simulated platforms should start from, with the parser that reads it and how to fetch it.</summary>
/// <param name="Platform">The simulated host.</param>
/// <param name="ParserPlatform">The Collector platform key (<see cref="Platforms"/>) whose parser reads the pages.</param>
/// <param name="Url">The seed URL.</param>
/// <param name="Render">Http where the raw HTML or JSON holds everything; Browser where the content comes by script or scrolling.</param>
/// <param name="Description">What the seed is.</param>
public sealed record SimSeed(SimPlatform Platform, string ParserPlatform, Uri Url, RenderMode Render, string Description);
