using Netpol.Cli;

var color = !Console.IsOutputRedirected
    && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
    && Environment.GetEnvironmentVariable("TERM") is not "dumb";
return CliApp.Run(args, new CliContext(Console.Out, Console.Error, null, color) { ErrorIsTerminal = !Console.IsErrorRedirected });
