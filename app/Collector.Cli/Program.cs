using Collector.Cli;

return await CollectorCli.RunAsync(args);
