using Shodo.Cli;

return await ShodoApp.RunAsync(args, CliEnvironment.FromProcess());
