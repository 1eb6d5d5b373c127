using Serverless.Bench;

return await BenchRunner.RunAsync(args);
