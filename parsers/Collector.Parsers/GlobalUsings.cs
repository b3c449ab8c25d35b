// Inside Collector.Parsers the name "Platforms" is the namespace of the platform folders (Platforms/Reddit/...),
// which hides Collector.Model.Platforms. Parsers name their platform keys through this alias: PlatformKeys.Reddit.
global using PlatformKeys = Collector.Model.Platforms;
